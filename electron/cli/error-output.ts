import { QUOTED_VALUE_MAX } from '../../shared/schemas/shown-input';

const LONG_QUOTED_VALUE = new RegExp(
  `'([^'\\n]{${QUOTED_VALUE_MAX + 1},})'|"((?:[^"\\\\\\n]|\\\\.){${QUOTED_VALUE_MAX + 1},})"`,
  'g',
);

/**
 * Errors quote the offending value whole (commander's "argument '<value>' is invalid", a command's `--limit must
 * be a whole number, not "<value>"`): a 100,000-character argument would come back as a 100 KB line. Each quoted
 * value longer than QUOTED_VALUE_MAX is cut, saying how long it was.
 */
export function shortenQuotedValues(message: string): string {
  return message.replace(LONG_QUOTED_VALUE, (_match, single?: string, double?: string) => {
    const quote = single === undefined ? '"' : "'";
    const value = single ?? double ?? '';
    return `${quote}${value.slice(0, QUOTED_VALUE_MAX)}…${quote} (${value.length.toLocaleString('en-US')} characters)`;
  });
}
