import { describe, expect, it } from 'vitest';

/**
 * The file system, reached without Node's types (this project type-checks renderer tests as browser code); the
 * test itself runs under Node. Vite's `?raw` imports of CSS come back empty under vitest, hence this.
 */
type FileSystem = {
  readdirSync(path: string, options: { recursive: true }): string[];
  readFileSync(path: string, encoding: 'utf8'): string;
};
const fs = (
  globalThis as unknown as { process: { getBuiltinModule(id: 'node:fs'): FileSystem } }
).process.getBuiltinModule('node:fs');
const ROOT = new URL('../../../renderer/src/', import.meta.url).pathname;

/** Every stylesheet of the renderer, as text, by its path under renderer/src. */
const STYLESHEETS = Object.fromEntries(
  fs
    .readdirSync(ROOT, { recursive: true })
    .filter((path) => path.endsWith('.css'))
    .map((path) => [path, fs.readFileSync(ROOT + path, 'utf8')]),
);

type Declaration = { file: string; selector: string; property: string; value: string };

/** Every declaration of a stylesheet with the selector of its rule (at-rules are looked through). */
function declarations(file: string, source: string): Declaration[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: Declaration[] = [];
  const stack: string[] = [];
  let buffer = '';
  for (const char of text) {
    if (char === '{') {
      stack.push(buffer.trim());
      buffer = '';
    } else if (char === '}' || char === ';') {
      const match = /^\s*([-\w]+)\s*:\s*([\s\S]+)$/.exec(buffer);
      if (match && stack.length > 0) {
        found.push({ file, selector: stack.at(-1)!, property: match[1]!, value: match[2]!.trim() });
      }
      buffer = '';
      if (char === '}') stack.pop();
    } else buffer += char;
  }
  return found;
}

const COLOUR_LITERAL =
  /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(white|black|red|green|blue|orange|yellow|gray|grey|silver|purple|pink)\b/i;

const all = Object.entries(STYLESHEETS).flatMap(([file, source]) => declarations(file, source));

describe('light and dark themes', () => {
  it('colours come only from the theme tokens, never from literals in rules', () => {
    const literals = all
      .filter((d) => !d.property.startsWith('--') && COLOUR_LITERAL.test(d.value))
      .map((d) => `${d.file} ${d.selector} { ${d.property}: ${d.value} }`);
    expect(literals).toEqual([]);
  });

  it('every token the rules use is defined once, and every colour token has a light and a dark value', () => {
    const tokens = all.filter((d) => d.selector === ':root' && d.property.startsWith('--'));
    const defined = new Set(tokens.map((d) => d.property));
    const used = new Set(all.flatMap((d) => [...d.value.matchAll(/var\((--[-\w]+)/g)].map((m) => m[1]!)));
    used.delete('--cell');
    expect(Object.keys(STYLESHEETS).length).toBeGreaterThan(8);
    expect(defined.size).toBeGreaterThan(10);
    expect([...used].filter((token) => !defined.has(token))).toEqual([]);
    const oneSided = tokens
      .filter((d) => COLOUR_LITERAL.test(d.value) && !/^light-dark\(/.test(d.value))
      .map((d) => `${d.property}: ${d.value}`);
    expect(oneSided).toEqual([]);
  });

  it('the theme picker switches the colour scheme, not the colours', () => {
    const schemes = all.filter((d) => d.property === 'color-scheme').map((d) => `${d.selector} ${d.value}`);
    expect(schemes).toEqual([
      ':root light dark',
      ":root[data-theme='light'] light",
      ":root[data-theme='dark'] dark",
    ]);
  });
});
