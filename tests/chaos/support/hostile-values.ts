import fc from 'fast-check';
import type { z } from 'zod';

/** Keys that pollute a prototype when an object is merged or assigned naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A lone surrogate: a JS string that is not valid UTF-16, so not valid UTF-8 once encoded. */
const LONE_SURROGATES = ['\uD800', '\uDFFF', 'a\uD83Db', '\uDC00\uD800'];

/** Strings a careless parser turns into numbers, dates, SQL or paths. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  '1_000',
  '9007199254740993',
  '%',
  '_',
  '%%%%_%_%',
  "'; DROP TABLE charts; --",
  '" OR 1=1 --',
  '../../etc/passwd',
  '/dev/null',
  'C:\\Windows\\system32',
  '\0',
  'a\0b',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '{{7*7}}',
  '* * * * * *',
  '61 25 32 13 8',
  '*/0 * * * *',
  '@yearly',
  'Mars/Olympus_Mons',
  'Europe/Paris\u0000',
  'UTC+25',
  'ÀÉÎÕÜ ß 中文 🎵',
  '\u202Eevil',
  ...LONE_SURROGATES,
  'x'.repeat(10_000),
  '%'.repeat(5_000),
];

export const HOSTILE_NUMBERS = [
  0,
  -1,
  -0,
  0.5,
  1e-300,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** An object with own prototype-pollution keys, as JSON.parse makes them (a literal `__proto__:` would not). */
export function pollutedObject(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      ...extra,
      prototype: { polluted: true },
      constructor: { prototype: { polluted: true } },
    }).replace(/^\{/, '{"__proto__":{"polluted":true},'),
  ) as Record<string, unknown>;
}

/** An array or object nested `depth` deep. */
export function deeplyNested(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Any hostile value: the constants above, deep nesting, polluted objects, and fast-check's own oddities. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [null], 10n) },
  { weight: 1, arbitrary: fc.constantFrom(200, 2_000).map((depth) => deeplyNested(depth)) },
  { weight: 1, arbitrary: fc.constant(null).map(() => pollutedObject()) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withBigInt: false, withNullPrototype: true }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * A plausible value for a zod schema (right type, often right range), so that a hostile value in one field
 * reaches the checks behind the others. Unknown kinds fall back to a hostile value.
 */
export function plausible(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('global-28', 'daily', 'Europe/Paris', '0 6 * * *'),
      );
    case 'number':
      return fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer(), fc.constantFrom(...HOSTILE_NUMBERS));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return fc.oneof(fc.constant(undefined), plausible(def.innerType as z.ZodType, depth));
    case 'pipe':
      return plausible(def.in as z.ZodType, depth);
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(plausible(def.element as z.ZodType, depth + 1), { maxLength: 4 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => plausible(option, depth)));
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      if (depth > 3) return fc.constant({});
      return fc.record(
        Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, plausible(v, depth + 1)])),
        {
          requiredKeys: [],
        },
      );
    }
    default:
      return hostileValue;
  }
}

/** The top-level keys a call's schema knows (through refinements, pipes and unions). */
export function keysOf(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'pipe') return keysOf(def.in as z.ZodType);
  if (def.type === 'union') return [...new Set((def.options as z.ZodType[]).flatMap(keysOf))];
  return [];
}

/**
 * Input for one call: a plausible input with one of its fields (or an unknown or prototype key) made hostile,
 * or a wholly hostile value in place of the input.
 */
export function hostileInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  const corrupted = fc
    .tuple(plausible(schema), fc.constantFrom(...keys, ...PROTOTYPE_KEYS, 'unknownField'), hostileValue)
    .map(([base, key, value]) => {
      const input = JSON.parse(JSON.stringify(base ?? {})) as Record<string, unknown>;
      Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
      return input;
    });
  return fc.oneof(
    { weight: 5, arbitrary: corrupted },
    { weight: 2, arbitrary: plausible(schema) },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constant(null).map(() => pollutedObject()) },
  );
}
