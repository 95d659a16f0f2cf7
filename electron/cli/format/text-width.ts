/**
 * How many terminal columns a string takes. Emoji shown as pictures (✅) take two columns, variation selectors
 * and combining marks none; everything else one. Enough for the icons and text this CLI prints, without a
 * dependency on a full East Asian Width table.
 */
const WIDE = /\p{Emoji_Presentation}/u;
const COMBINING_MARK = /\p{Mn}/u;
/** Zero-width space/joiners/direction marks, and the variation selectors that pick text or emoji style. */
const ZERO_WIDTH_RANGES: readonly [number, number][] = [
  [0x200b, 0x200f],
  [0xfe00, 0xfe0f],
];

function isZeroWidth(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return COMBINING_MARK.test(char) || ZERO_WIDTH_RANGES.some(([low, high]) => code >= low && code <= high);
}

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (isZeroWidth(char)) continue;
    width += WIDE.test(char) ? 2 : 1;
  }
  return width;
}

/** Cuts a string to at most `max` columns, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (textWidth(out + char) > max - 1) break;
    out += char;
  }
  return `${out}…`;
}
