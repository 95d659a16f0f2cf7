/**
 * 1234567 → "1,234,567": what `toLocaleString('en-US')` writes for a whole number, without ICU. The first use of
 * Intl's number formatting costs ≈ 20 ms of CPU, paid by every command (the settings' messages are built when
 * their schemas load, `chart-sync status` prints counts): more than opening the database (docs/benchmarks.md,
 * goal 3). Other numbers (fractions, beyond 2^53, -0) still go through Intl.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
