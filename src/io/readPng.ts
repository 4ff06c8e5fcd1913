/**
 * A small reader of PNG files for masthead art (报头): 8-bit grey, grey + alpha, RGB or
 * RGBA, not interlaced — what a scanned or exported calligraphy file is. It gives the ink
 * each pixel lays down, 0 (paper) … 255 (full ink): darkness × opacity, so a greyscale
 * scan and a black-on-transparent export both print in one spot colour.
 */
import { inflateSync } from 'node:zlib';

export interface PngCoverage {
  width: number;
  height: number;
  /** Ink per pixel, row by row, 0 … 255. */
  ink: Uint8Array;
}

const SIG = [137, 80, 78, 71, 13, 10, 26, 10];

/** Whether the bytes start with the PNG signature. */
export const isPng = (b: Uint8Array) => b.length > 8 && SIG.every((x, i) => b[i] === x);

/** A PNG's header fields, its palette and its image data (the IDAT chunks joined, still deflated). */
export interface PngChunks {
  width: number;
  height: number;
  depth: number;
  /** Colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  type: number;
  interlace: number;
  palette?: Uint8Array;
  idat: Buffer;
}

/** Walks a PNG's chunks; throws an Error saying what it cannot read. */
export function readPngChunks(bytes: Uint8Array): PngChunks {
  if (bytes.length < 33 || !isPng(bytes)) throw new Error('not a PNG file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  const c: Omit<PngChunks, 'idat'> = { width: 0, height: 0, depth: 0, type: -1, interlace: 0 };
  const idat: Uint8Array[] = [];
  while (pos + 8 <= bytes.length) {
    const len = dv.getUint32(pos);
    const kind = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      c.width = dv.getUint32(pos + 8);
      c.height = dv.getUint32(pos + 12);
      c.depth = data[8];
      c.type = data[9];
      c.interlace = data[12];
    } else if (kind === 'PLTE') c.palette = data;
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    pos += 12 + len;
  }
  return { ...c, idat: Buffer.concat(idat) };
}

/** Reads a PNG's pixels as ink coverage; throws an Error saying what it cannot read. */
export function readPngCoverage(bytes: Uint8Array): PngCoverage {
  const { width, height, depth, type, interlace, idat } = readPngChunks(bytes);
  const channels = ({ 0: 1, 4: 2, 2: 3, 6: 4 } as Record<number, number>)[type];
  if (!channels || depth !== 8) throw new Error(`is a PNG of colour type ${type} at ${depth} bits; save it as 8-bit greyscale, grey + alpha, RGB or RGBA`);
  if (interlace) throw new Error('is an interlaced PNG; save it without interlacing');
  if (!width || !height || width * height > 40_000_000) throw new Error(`has an unusable size (${width} × ${height})`);
  const raw = inflateSync(idat);
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('ends before its last row');
  const px = unfilter(raw, width, height, channels);
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const grey = channels >= 3 ? Math.round(0.299 * px[p] + 0.587 * px[p + 1] + 0.114 * px[p + 2]) : px[p];
    const alpha = channels === 2 ? px[p + 1] : channels === 4 ? px[p + 3] : 255;
    ink[i] = Math.round(((255 - grey) * alpha) / 255);
  }
  return { width, height, ink };
}

/** Undoes the PNG row filters (None, Sub, Up, Average, Paeth) of 8-bit pixels of `bpp` bytes. */
export function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride, prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp] : 0;
      const b = y > 0 ? out[prev + x] : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp] : 0;
      let v = raw[src + x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (f !== 0) throw new Error(`has an unknown row filter ${f}`);
      out[row + x] = v & 255;
    }
  }
  return out;
}
