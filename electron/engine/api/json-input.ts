/** How deep an input may nest: every contract input is a few levels deep; this bounds the walk, not the data. */
export const MAX_INPUT_DEPTH = 10_000;

/**
 * Where an input holds something JSON cannot carry (a BigInt, a Map, a Date, a symbol, a function), as a field
 * path (["chartIds", "1"]), or null when it is plain data. IPC passes structured clones, which carry all of
 * these: they are refused at the boundary like any invalid field, before a schema (or its error message) meets
 * them. Walked with a stack of its own, so a deeply nested input cannot overflow the call stack.
 */
export function nonJsonPath(input: unknown): string[] | null {
  const stack: { value: unknown; path: readonly string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || value === undefined) continue;
    const type = typeof value;
    if (type === 'string' || type === 'boolean' || type === 'number') continue;
    if (type !== 'object' || path.length > MAX_INPUT_DEPTH) return [...path];
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, String(index)] }));
      continue;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return [...path];
    for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] });
  }
  return null;
}
