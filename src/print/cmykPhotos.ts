/**
 * Photos for the press: each prepared photo (a Document asset) converted to CMYK through the
 * print condition's profile with sharp, or kept single-channel grey when it is grey; then,
 * unless the profile holds the ink limit itself, a limit step on the CMYK pixels; and its
 * coverage measured from the pixels that will be printed.
 *
 * The limit step (per pixel, when C+M+Y+K is over the limit): first grey-component
 * replacement — the part C, M and Y have in common moves into K, one for one, which takes
 * twice its amount off the total and keeps the pixel's darkness — then, if still over, C, M
 * and Y scaled down together to what K leaves. K is never reduced.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Asset, Document } from '../frame/types.js';
import { BUILTIN_CMYK, readIcc } from './icc.js';
import { coverage, type Coverage } from './ink.js';
import type { PrintCondition } from './printCondition.js';

/** A photo as it goes to the press. */
export interface PrintPhoto {
  /** Asset key in Document.assets. */
  asset: string;
  /** The printed file, relative to the output folder: `print/<key>.jpg`. */
  file: string;
  sha256: string;
  width: number;
  height: number;
  /** 'gray' is one channel (DeviceGray, K only); 'cmyk' four. */
  colorSpace: 'cmyk' | 'gray';
  /** What the prepared file was. */
  from: Asset['colorSpace'];
  /** How it was made: converted through the profile, CMYK numbers kept, or grey kept. */
  conversion: 'profile' | 'kept-cmyk' | 'gray';
  /** Pixels the limit step changed. */
  limited: number;
  /** Coverage of the printed pixels: the written JPEG's, after the limit step. */
  coverage: Coverage;
  /** Coverage straight out of the profile, before the limit step. */
  before: Coverage;
  ppi: number;
}

/** Brings C+M+Y+K of every pixel to at most `limit` % (see the module comment); returns the pixels changed. */
export function limitTac(data: Uint8Array, limit: number): number {
  const L = Math.floor((limit / 100) * 255);
  let changed = 0;
  for (let i = 0; i + 3 < data.length; i += 4) {
    let c = data[i], m = data[i + 1], y = data[i + 2], k = data[i + 3];
    let s = c + m + y + k;
    if (s <= L) continue;
    changed++;
    const g = Math.min(c, m, y);
    const d = Math.min(g, 255 - k, Math.ceil((s - L) / 2));
    c -= d; m -= d; y -= d; k += d; s -= 2 * d;
    if (s > L) {
      const cmy = c + m + y;
      const f = Math.max(0, L - k) / cmy;
      c = Math.floor(c * f); m = Math.floor(m * f); y = Math.floor(y * f);
    }
    data[i] = c; data[i + 1] = m; data[i + 2] = y; data[i + 3] = k;
  }
  return changed;
}

type Sharp = typeof import('sharp').default;
let sharpModule: Promise<Sharp> | undefined;
/** sharp, loaded when the first photo is converted. */
const loadSharp = (): Promise<Sharp> => (sharpModule ??= import('sharp').then((m) => m.default));

/** Pixels of an image for the press: raw CMYK (4 channels) or grey (1) and how they were made. */
export async function pressPixels(
  input: string | Buffer,
  cond: PrintCondition,
  hint?: Asset['colorSpace'],
): Promise<{ data: Buffer; width: number; height: number; channels: 1 | 4; conversion: PrintPhoto['conversion'] }> {
  const sharp = await loadSharp();
  const meta = await sharp(input).metadata();
  const grey = hint === 'gray' || meta.space === 'b-w' || meta.space === 'grey16';
  if (grey) {
    const { data, info } = await sharp(input).flatten({ background: '#ffffff' }).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: 1, conversion: 'gray' };
  }
  if (meta.space === 'cmyk') {
    // CMYK from the photo desk: its numbers are kept (they were made for print); re-separated
    // through the profile only when an embedded profile says they were made for another one
    const ownIcc = meta.icc;
    if (ownIcc && !(await sameProfile(ownIcc, cond))) {
      const { data, info } = await sharp(input).withIccProfile(profileArg(cond), { attach: false }).raw().toBuffer({ resolveWithObject: true });
      if (info.channels === 4) return { data, width: info.width, height: info.height, channels: 4, conversion: 'profile' };
    }
    const { data, info } = await sharp(input).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: 4, conversion: 'kept-cmyk' };
  }
  const { data, info } = await sharp(input).flatten({ background: '#ffffff' }).withIccProfile(profileArg(cond), { attach: false }).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`profile ${cond.profile.file} gave ${info.channels} channels, not 4`);
  return { data, width: info.width, height: info.height, channels: 4, conversion: 'profile' };
}

/** A JPEG of raw press pixels, the numbers as given (no colour conversion). */
export async function encodePressJpeg(data: Buffer, width: number, height: number, channels: 1 | 4, quality: number): Promise<Buffer> {
  const sharp = await loadSharp();
  const jpeg = { quality, chromaSubsampling: '4:4:4', mozjpeg: false } as const;
  if (channels === 1) return sharp(data, { raw: { width, height, channels: 1 } }).toColourspace('b-w').jpeg(jpeg).toBuffer();
  // Four raw channels read as sRGB + alpha; four one-channel planes joined take the output
  // interpretation (CMYK) as they are.
  const n = width * height;
  const planes = [0, 1, 2, 3].map(() => Buffer.allocUnsafe(n));
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    planes[0][p] = data[i]; planes[1][p] = data[i + 1]; planes[2][p] = data[i + 2]; planes[3][p] = data[i + 3];
  }
  const raw = { raw: { width, height, channels: 1 as const } };
  return sharp(planes[0], raw).joinChannel(planes.slice(1), raw).toColourspace('cmyk').jpeg(jpeg).toBuffer();
}

/**
 * The limit step aims this many % under the limit: JPEG compression moves single pixels of
 * a limited photo up to ~8 % over at quality 90 (measured on content/photos), and a margin
 * of 3 keeps all but a few pixels in ten thousand within the limit.
 */
export const JPEG_HEADROOM = 3;

/** The raw numbers of a press JPEG (CMYK as written, or grey), no colour conversion. */
export async function decodePressJpeg(bytes: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  const meta = await sharp(bytes).metadata();
  if (meta.space === 'cmyk') return sharp(bytes).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer();
  return sharp(bytes).toColourspace('b-w').raw().toBuffer();
}

/** One photo for the press, written to `outDir/file`. */
export async function convertPhoto(
  input: string,
  outDir: string,
  file: string,
  cond: PrintCondition,
  asset?: Pick<Asset, 'colorSpace' | 'ppi'> & { key?: string },
): Promise<PrintPhoto> {
  const px = await pressPixels(input, cond, asset?.colorSpace);
  const limit = cond.tac.limit;
  const before = coverage(px.data, px.channels, limit);
  const limited = px.channels === 4 && !cond.profile.holdsLimit ? limitTac(px.data, limit - JPEG_HEADROOM) : 0;
  const bytes = await encodePressJpeg(px.data, px.width, px.height, px.channels, cond.photos.jpegQuality);
  // what will be printed: the JPEG's own pixels, compression error included
  const after = coverage(await decodePressJpeg(bytes), px.channels, limit);
  const dest = path.join(outDir, file);
  await mkdir(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, dest);
  return {
    asset: asset?.key ?? path.basename(input),
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: px.width,
    height: px.height,
    colorSpace: px.channels === 1 ? 'gray' : 'cmyk',
    from: asset?.colorSpace ?? (px.channels === 1 ? 'gray' : 'rgb'),
    conversion: px.conversion,
    limited,
    coverage: after,
    before,
    ppi: asset?.ppi ?? 0,
  };
}

/**
 * Every asset of a document for the press, into `outDir/print/`: the printed file of each
 * asset key. Two at a time (sharp has its own threads; the machine has two cores).
 */
export async function preparePrintPhotos(doc: Document, outDir: string, cond: PrintCondition): Promise<Record<string, PrintPhoto>> {
  const out: Record<string, PrintPhoto> = {};
  const keys = Object.keys(doc.assets).sort();
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++];
      const a = doc.assets[key];
      const file = `print/${key.replace(/[^A-Za-z0-9._-]+/g, '_')}.jpg`;
      out[key] = await convertPhoto(path.join(outDir, a.file), outDir, file, cond, { key, colorSpace: a.colorSpace, ppi: a.ppi });
    }
  };
  await Promise.all([worker(), worker()]);
  return Object.fromEntries(keys.map((k) => [k, out[k]]));
}

function profileArg(cond: PrintCondition): string {
  return cond.profilePath === BUILTIN_CMYK ? 'cmyk' : cond.profilePath;
}

async function sameProfile(icc: Buffer, cond: PrintCondition): Promise<boolean> {
  try {
    return readIcc(icc).description === cond.icc.description;
  } catch {
    return false;
  }
}
