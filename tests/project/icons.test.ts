import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeIcns, encodeIco } from '../../scripts/icon-containers.mjs';
import { ICNS_ENTRIES, ICO_SIZES, iconOutputs, TRAY_STATES } from '../../scripts/icon-outputs.mjs';
import { renderIcons } from '../../scripts/make-icons.mjs';
import { readPngHeader } from './png-file';

const root = process.cwd();
const read = (path: string) => readFileSync(join(root, path));

/** RGBA, 8 bits a channel: colour type 6. */
const RGBA = 6;

/** The images of an .ico: its directory entries (256 written as 0) with the PNG each points at. */
function icoImages(bytes: Buffer): { width: number; height: number; png: Buffer }[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = bytes.readUInt32LE(entry + 8);
    const start = bytes.readUInt32LE(entry + 12);
    return {
      width: bytes.readUInt8(entry) || 256,
      height: bytes.readUInt8(entry + 1) || 256,
      png: bytes.subarray(start, start + length),
    };
  });
}

/** The images of an .icns: OSType and PNG of each entry after the 8-byte header. */
function icnsImages(bytes: Buffer): { type: string; png: Buffer }[] {
  expect(bytes.subarray(0, 4).toString('ascii')).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const images: { type: string; png: Buffer }[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset + 4);
    images.push({
      type: bytes.subarray(offset, offset + 4).toString('ascii'),
      png: bytes.subarray(offset + 8, offset + length),
    });
    offset += length;
  }
  return images;
}

describe('icons (scripts/make-icons.mjs, from resources/source/chart-sync.svg)', () => {
  const outputs = iconOutputs();

  it('names the app icon, the Windows and macOS containers, the Linux set and every tray state', () => {
    const paths = outputs.map((output) => output.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'resources/icon.png',
        'resources/icon.ico',
        'resources/icon.icns',
        'resources/icons/16x16.png',
        'resources/icons/512x512.png',
      ]),
    );
    for (const state of TRAY_STATES)
      for (const suffix of ['', '@2x', 'Template', 'Template@2x'])
        expect(paths).toContain(`resources/tray/${state}${suffix}.png`);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it.each(outputs.filter((output) => output.format === 'png'))(
    '$path is a valid RGBA PNG of $size px',
    ({ path, size }) => {
      expect(existsSync(join(root, path))).toBe(true);
      expect(readPngHeader(read(path))).toEqual({ width: size, height: size, bitDepth: 8, colourType: RGBA });
    },
  );

  it('gives the tray a 16 px icon with a 32 px @2x for each state', () => {
    for (const state of TRAY_STATES) {
      expect(readPngHeader(read(`resources/tray/${state}.png`)).width).toBe(16);
      expect(readPngHeader(read(`resources/tray/${state}@2x.png`)).width).toBe(32);
    }
  });

  it('draws each tray state differently', () => {
    for (const suffix of ['', '@2x', 'Template', 'Template@2x']) {
      const images = TRAY_STATES.map((state) =>
        read(`resources/tray/${state}${suffix}.png`).toString('base64'),
      );
      expect(new Set(images).size).toBe(TRAY_STATES.length);
    }
  });

  it('puts every Windows size in icon.ico, each a valid PNG of its size', () => {
    const images = icoImages(read('resources/icon.ico'));
    expect(images.map((image) => image.width)).toEqual(ICO_SIZES);
    for (const { width, height, png } of images) {
      expect(height).toBe(width);
      expect(readPngHeader(png)).toMatchObject({ width, height });
    }
  });

  it('puts every macOS entry in icon.icns, each a valid PNG of its size', () => {
    const images = icnsImages(read('resources/icon.icns'));
    expect(images.map((image) => image.type)).toEqual(ICNS_ENTRIES.map(([type]) => type));
    images.forEach(({ png }, i) => {
      const size = ICNS_ENTRIES[i]?.[1];
      expect(readPngHeader(png)).toMatchObject({ width: size, height: size });
    });
  });

  it('frames .ico and .icns entries as their formats say', () => {
    const png = read('resources/icons/16x16.png');
    const ico = encodeIco([{ size: 256, png }]);
    expect([ico.readUInt8(6), ico.readUInt8(7)]).toEqual([0, 0]); // 256 is written as 0
    expect(ico.readUInt32LE(6 + 12)).toBe(22); // the image starts after the header and its one entry
    const icns = encodeIcns([{ type: 'ic07', png }]);
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.readUInt32BE(12)).toBe(8 + png.length);
  });

  it('matches what the source renders now (run `npm run icons` after changing the source)', () => {
    const rendered = renderIcons();
    expect([...rendered.keys()]).toEqual(outputs.map((output) => output.path));
    const stale = [...rendered].filter(([path, bytes]) => !bytes.equals(read(path))).map(([path]) => path);
    expect(stale).toEqual([]);
  });
});
