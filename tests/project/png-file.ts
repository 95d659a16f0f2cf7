import { crc32 } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type PngHeader = { width: number; height: number; bitDepth: number; colourType: number };

/**
 * Reads a PNG's header after checking its structure: the signature, IHDR first, every chunk's CRC, IDAT
 * present and IEND last. Throws on anything else, so a truncated or mislabelled file fails the test.
 */
export function readPngHeader(bytes: Buffer): PngHeader {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG signature');
  const types: string[] = [];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new Error(`chunk at ${offset} is truncated`);
    const length = bytes.readUInt32BE(offset);
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    if (typeAndData.length !== length + 4) throw new Error(`chunk at ${offset} is truncated`);
    if (crc32(typeAndData) !== bytes.readUInt32BE(offset + 8 + length))
      throw new Error(`bad CRC in chunk ${typeAndData.subarray(0, 4).toString('ascii')}`);
    types.push(typeAndData.subarray(0, 4).toString('ascii'));
    offset += 12 + length;
  }
  if (types[0] !== 'IHDR' || types.at(-1) !== 'IEND' || !types.includes('IDAT'))
    throw new Error(`unexpected chunks: ${types.join(' ')}`);
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes.readUInt8(24),
    colourType: bytes.readUInt8(25),
  };
}
