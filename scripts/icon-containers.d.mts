export declare function encodeIco(images: { size: number; png: Buffer }[]): Buffer;
export declare function encodeIcns(images: { type: string; png: Buffer }[]): Buffer;
