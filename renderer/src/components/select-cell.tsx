import type { MouseEvent } from 'react';

/** A list row's selection checkbox; Shift-click extends the selection from the last row clicked. */
export function SelectCell({
  id,
  name,
  selected,
  tabIndex,
  onToggle,
}: {
  id: number;
  /** What the row is called: the checkbox reads "Select <name>". */
  name: string;
  selected: boolean;
  tabIndex: number;
  onToggle: (id: number, range: boolean) => void;
}) {
  return (
    <td className="select-cell">
      <input
        type="checkbox"
        aria-label={`Select ${name}`}
        checked={selected}
        tabIndex={tabIndex}
        // onClick rather than onChange: only the click carries the Shift key of a range selection.
        onClick={(event: MouseEvent<HTMLInputElement>) => onToggle(id, event.shiftKey)}
        readOnly
      />
    </td>
  );
}
