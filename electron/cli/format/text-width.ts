/**
 * How many terminal columns a string takes. Emoji shown as pictures (✅) and East Asian wide characters (CJK
 * ideographs, kana, Hangul, fullwidth forms: song titles) take two columns, variation selectors and combining
 * marks none; everything else one. Enough for the icons and titles this CLI prints, without a dependency on a
 * full East Asian Width table.
 */
const WIDE = /\p{Emoji_Presentation}/u;
/** The East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F, by block). */
const EAST_ASIAN_WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return WIDE.test(char) || EAST_ASIAN_WIDE_RANGES.some(([low, high]) => code >= low && code <= high);
}
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
    width += isWide(char) ? 2 : 1;
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
