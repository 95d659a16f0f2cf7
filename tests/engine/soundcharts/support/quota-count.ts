/** The count the quota consistency test reports at `time`: any fixed function will do, as long as a torn pair would not match it. */
export function countAt(time: number): number {
  return (time * 7_919) % 1_000_003;
}
