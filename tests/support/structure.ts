/**
 * Structural comparison of two JSON documents: the same keys with the same types, recursively, array
 * elements compared by the union of their shapes. Values are not compared: the emulator must look like
 * Soundcharts, not copy it.
 */

export type StructureOptions = {
  /** Paths (`items[].song.imageUrl`) whose type may be null on one side. */
  nullable?: readonly string[];
  /** Keys the actual document may have beyond the expected one (e.g. `page` on a truncated capture). */
  extraKeys?: readonly string[];
};

export function structuralDifferences(
  expected: unknown,
  actual: unknown,
  options: StructureOptions = {},
): string[] {
  const differences: string[] = [];
  compare(expected, actual, '', options, differences);
  return differences;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function compare(
  expected: unknown,
  actual: unknown,
  path: string,
  options: StructureOptions,
  out: string[],
): void {
  const expectedType = typeOf(expected);
  const actualType = typeOf(actual);
  if (expectedType !== actualType) {
    const tolerated = (expectedType === 'null' || actualType === 'null') && options.nullable?.includes(path);
    if (!tolerated) out.push(`${path || '(root)'}: expected ${expectedType}, got ${actualType}`);
    return;
  }
  if (expectedType === 'array') {
    const expectedItems = expected as unknown[];
    const actualItems = actual as unknown[];
    if (expectedItems.length === 0 || actualItems.length === 0) return;
    const reference = expectedItems[0];
    for (const item of actualItems.slice(0, 20)) compare(reference, item, `${path}[]`, options, out);
    return;
  }
  if (expectedType === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in a)) out.push(`${child}: missing`);
      else compare(e[key], a[key], child, options, out);
    }
    for (const key of Object.keys(a)) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in e) && !options.extraKeys?.includes(child)) out.push(`${child}: unexpected key`);
    }
  }
}
