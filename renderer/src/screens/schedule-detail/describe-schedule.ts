/** How long ago a history window of this many days starts, said the way operators think of it. */
export function describeWindow(days: number): string {
  if (days === 365 || days === 366) return `${days} days (one year)`;
  if (days % 7 === 0 && days < 365) return `${days} days (${days / 7} weeks)`;
  return `${days} day${days === 1 ? '' : 's'}`;
}
