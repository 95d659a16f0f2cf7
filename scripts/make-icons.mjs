#!/usr/bin/env node
// Renders every Chart Sync icon from the one source, resources/source/chart-sync.svg, into resources/ (the
// outputs are committed: packaging machines need not run this). `npm run icons` after changing the source;
// tests/project/packaging.test.ts fails while a committed icon differs from what the source renders.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { encodeIcns, encodeIco } from './icon-containers.mjs';
import { APP_ICON_SIZE, ICNS_ENTRIES, ICO_SIZES, iconOutputs } from './icon-outputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = 'resources/source/chart-sync.svg';

/** At and under this size the app icon is the 16-grid drawing: the 1024 one blurs its bars into the tile. */
const SMALL_ICON_MAX = 32;

/** The source's <defs>: every output is a small SVG that places some of these symbols. */
function sourceDefs() {
  const svg = readFileSync(join(root, SOURCE), 'utf8');
  const defs = /^\s*<defs>([\s\S]*?)^\s*<\/defs>/m.exec(svg)?.[1];
  if (!defs) throw new Error(`${SOURCE} has no <defs>`);
  return defs;
}

/** Renders an SVG body drawn on a `grid`-unit square to a `size` px square PNG; returns the PNG and its pixels. */
function render(defs, grid, body, size) {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${grid}" height="${grid}" viewBox="0 0 ${grid} ${grid}">` +
    `<defs>${defs}</defs>${body}</svg>`;
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    shapeRendering: 2, // geometricPrecision: anti-aliased edges
  }).render();
  return { png: image.asPng(), pixels: image.pixels };
}

function appIcon(defs, size) {
  return size <= SMALL_ICON_MAX
    ? render(defs, 16, '<use href="#app-small" width="16" height="16"/>', size).png
    : render(defs, 1024, '<use href="#app" width="1024" height="1024"/>', size).png;
}

/** A tray state: the small app icon (Windows, Linux) or the bare glyph (macOS template), with the state's badge. */
function trayIcon(defs, state, size, template) {
  const base = template ? '#glyph' : '#app-small';
  const badge = state === 'idle' ? null : `#badge-${state}${template ? '-mono' : ''}`;
  const body =
    `<g${badge ? ` mask="url(#knockout${template ? '-mono' : ''})"` : ''}><use href="${base}" width="16" height="16" color="#000000"/></g>` +
    (badge ? `<use href="${badge}" width="16" height="16"/>` : '');
  const { png, pixels } = render(defs, 16, body, size);
  if (template) assertTemplate(pixels, `${state} ${size} px`);
  return png;
}

/** macOS tints template images itself: only their alpha counts, so anything but black is a mistake. */
function assertTemplate(pixels, what) {
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] || pixels[i + 1] || pixels[i + 2])
      throw new Error(`template ${what} is not black and alpha only`);
  }
}

/** Every output's bytes, keyed by its path under the repository (the same list iconOutputs() names). */
export function renderIcons() {
  const defs = sourceDefs();
  const files = new Map();
  const pngs = new Map();
  const appPng = (size) => {
    if (!pngs.has(size)) pngs.set(size, appIcon(defs, size));
    return pngs.get(size);
  };
  for (const output of iconOutputs()) {
    const tray = /^resources\/tray\/(\w+?)(Template)?(@2x)?\.png$/.exec(output.path);
    if (tray) files.set(output.path, trayIcon(defs, tray[1], output.size, Boolean(tray[2])));
    else if (output.format === 'ico')
      files.set(output.path, encodeIco(ICO_SIZES.map((size) => ({ size, png: appPng(size) }))));
    else if (output.format === 'icns')
      files.set(output.path, encodeIcns(ICNS_ENTRIES.map(([type, size]) => ({ type, png: appPng(size) }))));
    else files.set(output.path, appPng(output.size === APP_ICON_SIZE ? APP_ICON_SIZE : output.size));
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [path, bytes] of renderIcons()) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
    console.log(`${path} (${bytes.length} bytes)`);
  }
}
