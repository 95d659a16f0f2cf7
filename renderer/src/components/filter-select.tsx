export type FilterOption<T extends string> = { value: T; label: string };

/**
 * A drop-down filter: "all" (no filter, null) or one value. The label is read by screen readers only, or shown
 * above the select when `id` is given (a form of filters with labelled fields).
 */
export function FilterSelect<T extends string>({
  label,
  id,
  value,
  all,
  options,
  onChange,
}: {
  label: string;
  id?: string;
  value: T | null;
  all: string;
  options: readonly FilterOption<T>[];
  onChange(value: T | null): void;
}) {
  const select = (
    <select
      id={id}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as T))}
    >
      <option value="">{all}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
  return id === undefined ? (
    <label className="filter">
      <span className="visually-hidden">{label}</span>
      {select}
    </label>
  ) : (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {select}
    </div>
  );
}
