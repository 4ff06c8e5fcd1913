/**
 * A PNG file as an image XObject, without decoding it where it need not be: grey, RGB and
 * palette images keep their zlib data as it is (FlateDecode with the PNG predictors,
 * `Predictor 15`); an image with an alpha channel is inflated and unfiltered once, its
 * colour and alpha deflated apart (the alpha as the image's SMask). Interlaced PNGs and
 * 16-bit alpha are refused with a message saying so.
 */
import { deflateSync, inflateSync } from 'node:zlib';

/** The object writer as this module uses it (pdfObjects.ts, which calls this one). */
interface Objects<R> {
  ref(data?: unknown): R & { end(chunk?: Uint8Array): void };
}

const fastDeflate = (b: Uint8Array) => deflateSync(b, { level: 1, memLevel: 9 });

export const isPng = (b: Uint8Array) => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

export function pngXObject<R>(o: Objects<R>, bytes: Uint8Array): R {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let width = 0, height = 0, depth = 8, type = 0, interlace = 0;
  let palette: Buffer | undefined;
  const idat: Buffer[] = [];
  while (pos + 8 <= b.length) {
    const len = b.readUInt32BE(pos);
    const kind = b.toString('latin1', pos + 4, pos + 8);
    const data = b.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      type = data[9];
      interlace = data[12];
    } else if (kind === 'PLTE') palette = data;
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    pos += 12 + len;
  }
  if (!width || !height || !idat.length) throw new Error('damaged PNG (no header or no image data)');
  if (interlace) throw new Error('an interlaced PNG (save it without interlacing)');
  const zdata = Buffer.concat(idat);
  const colours = type === 2 || type === 6 ? 3 : 1;
  const space = type === 3 ? ['Indexed', 'DeviceRGB', (palette?.length ?? 3) / 3 - 1, palette ?? Buffer.alloc(3)] : colours === 3 ? 'DeviceRGB' : 'DeviceGray';
  if (type === 0 || type === 2 || type === 3) {
    const ref = o.ref({
      Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: depth, ColorSpace: space, Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: type === 3 ? 1 : colours, BitsPerComponent: depth, Columns: width },
    });
    ref.end(zdata);
    return ref;
  }
  if (depth !== 8) throw new Error(`a ${depth}-bit PNG with transparency (save it as 8-bit)`);
  // grey + alpha or RGBA: unfilter, then split colour and alpha
  const bpp = colours + 1;
  const stride = width * bpp;
  const raw = inflateSync(zdata);
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? px[out + i - bpp] : 0;
      const up = y ? px[out - stride + i] : 0;
      const c = y && i >= bpp ? px[out - stride + i - bpp] : 0;
      let v = line[i];
      if (f === 1) v += a;
      else if (f === 2) v += up;
      else if (f === 3) v += (a + up) >> 1;
      else if (f === 4) {
        const p = a + up - c, pa = Math.abs(p - a), pb = Math.abs(p - up), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      px[out + i] = v & 0xff;
    }
  }
  const colour = Buffer.alloc(width * height * colours);
  const alpha = Buffer.alloc(width * height);
  for (let i = 0, j = 0, k = 0; i < px.length; i += bpp) {
    for (let c = 0; c < colours; c++) colour[j++] = px[i + c];
    alpha[k++] = px[i + colours];
  }
  const mask = o.ref({ Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' });
  mask.end(fastDeflate(alpha));
  const ref = o.ref({ Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: space, Filter: 'FlateDecode', SMask: mask });
  ref.end(fastDeflate(colour));
  return ref;
}
