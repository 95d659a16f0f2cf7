import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The page the desktop window loads and the headless host serves, as built (`npx electron-vite build`). */
const BUILT_PAGE = 'out/renderer/index.html';

function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  expect(meta, 'a Content-Security-Policy <meta>').not.toBeNull();
  return new Map(
    meta![1]!
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the built page’s Content-Security-Policy', () => {
  it('is there, strict: scripts only from the app, no inline or eval, no plugins, frames or <base>', () => {
    expect(existsSync(BUILT_PAGE), `${BUILT_PAGE}: run npx electron-vite build first`).toBe(true);
    const html = readFileSync(BUILT_PAGE, 'utf8');
    const policy = policyOf(html);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    // The headless host's WebSocket and REST, on loopback; nothing else is reached from the page.
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*', 'http://127.0.0.1:*']);
    for (const [name, sources] of policy) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain('*');
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
    // And the built page keeps to it: every script is a file of the app, none inline.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
  });
});
