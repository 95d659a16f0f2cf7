// The two icon container formats, written by hand because both are a short header and a table of PNG images
// (Windows Vista+ and macOS 10.7+ read PNG entries): no dependency needed for a few dozen bytes of framing.
import { Buffer } from 'node:buffer';

/**
 * A Windows .ico holding each PNG as is. ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the
 * images; a width or height of 256 is written as 0, as the format says.
 * @param {{ size: number; png: Buffer }[]} images
 */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/**
 * A macOS .icns: the 'icns' magic and total length, then per image its OSType, its length (header included)
 * and the PNG. Big-endian throughout.
 * @param {{ type: string; png: Buffer }[]} images
 */
export function encodeIcns(images) {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 4, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 4, 'ascii');
  header.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([header, ...chunks]);
}
