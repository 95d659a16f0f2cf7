/** The zone this computer's clock runs in: what an operator means by "06:00" unless they say otherwise. */
export function operatorTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let names: readonly string[] | null = null;

/** Every IANA zone this runtime knows, for the time zone field's suggestions. */
export function timeZoneNames(): readonly string[] {
  if (names === null) {
    const supported = Intl.supportedValuesOf('timeZone');
    // Some runtimes list only canonical zones, which leaves out the UTC that many operators schedule in.
    names = supported.includes('UTC') ? supported : [...supported, 'UTC'];
  }
  return names;
}
