import { groupDigits } from '../../../shared/domain/group-digits';

/** 1234 → "1,234": counts of tracks and quota read at a glance (without loading ICU for it: see groupDigits). */
export function formatCount(n: number): string {
  return groupDigits(n);
}

/** "created/updated" pairs in one narrow column. */
export function formatPair(a: number, b: number): string {
  return `${formatCount(a)}/${formatCount(b)}`;
}

/** "1 sync", "3 syncs". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
