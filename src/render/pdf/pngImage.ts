/**
 * A PNG file as an image XObject, without decoding it where it need not be: grey, RGB and
 * palette images keep their zlib data as it is (FlateDecode with the PNG predictors,
 * `Predictor 15`); an image with an alpha channel is inflated and unfiltered once, its
 * colour and alpha deflated apart (the alpha as the image's SMask). Interlaced PNGs and
 * 16-bit alpha are refused with a message saying so.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { readPngChunks, unfilter } from '../../io/readPng.js';

export { isPng } from '../../io/readPng.js';

/** The object writer as this module uses it (pdfObjects.ts, which calls this one). */
interface Objects<R> {
  ref(data?: unknown): R & { end(chunk?: Uint8Array): void };
}

const fastDeflate = (b: Uint8Array) => deflateSync(b, { level: 1, memLevel: 9 });

export function pngXObject<R>(o: Objects<R>, bytes: Uint8Array): R {
  const { width, height, depth, type, interlace, palette, idat: zdata } = readPngChunks(bytes);
  if (!width || !height || !zdata.length) throw new Error('damaged PNG (no header or no image data)');
  if (interlace) throw new Error('an interlaced PNG (save it without interlacing)');
  const colours = type === 2 || type === 6 ? 3 : 1;
  const space = type === 3 ? ['Indexed', 'DeviceRGB', (palette?.length ?? 3) / 3 - 1, palette ? Buffer.from(palette) : Buffer.alloc(3)] : colours === 3 ? 'DeviceRGB' : 'DeviceGray';
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
  const px = unfilter(inflateSync(zdata), width, height, bpp);
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
