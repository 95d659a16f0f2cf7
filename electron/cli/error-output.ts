/** How much of a value commander quotes back in an error: enough to recognise it, never a pasted megabyte. */
const QUOTED_VALUE_MAX = 60;
const LONG_QUOTED_VALUE = new RegExp(`'([^'\\n]{${QUOTED_VALUE_MAX + 1},})'`, 'g');

/**
 * Commander's own errors quote the offending value whole ("argument '<value>' is invalid"): a 100,000-character
 * argument would come back as a 100 KB line. Each quoted value longer than QUOTED_VALUE_MAX is cut, saying how
 * long it was.
 */
export function shortenQuotedValues(message: string): string {
  return message.replace(LONG_QUOTED_VALUE, (_match, value: string) => {
    return `'${value.slice(0, QUOTED_VALUE_MAX)}…' (${value.length.toLocaleString('en-US')} characters)`;
  });
}
