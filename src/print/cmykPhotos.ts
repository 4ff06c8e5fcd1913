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
import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Asset, Document } from '../frame/types.js';
import { BUILTIN_CMYK, loadProfileBytes, readIcc } from './icc.js';
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
  /** Coverage of the printed pixels after the limit step: the written JPEG's own, or … */
  coverage: Coverage;
  /** … the pixels before compression, when they are so far under the limit (JPEG_SLACK) that it cannot matter. */
  measuredOn: 'jpeg' | 'pixels';
  /** Coverage straight out of the profile, before the limit step. */
  before: Coverage;
  ppi: number;
}

/** Brings C+M+Y+K of every pixel to at most `limit` % (see the module comment); returns the pixels changed. */
export function limitTac(data: Uint8Array, limit: number): number {
  const L = Math.floor((limit / 100) * 255);
  let changed = 0;
  for (let i = 0; i + 3 < data.length; i += 4) {
    if (data[i] + data[i + 1] + data[i + 2] + data[i + 3] <= L) continue;
    changed++;
    limitPixel(data, i, L);
  }
  return changed;
}

/** Brings the pixel at byte `i` to a channel sum of at most `L` (0…1020): grey into K, then C, M, Y scaled. */
function limitPixel(data: Uint8Array, i: number, L: number): void {
  let c = data[i], m = data[i + 1], y = data[i + 2], k = data[i + 3];
  let s = c + m + y + k;
  if (s <= L) return;
  const g = Math.min(c, m, y);
  const d = Math.min(g, 255 - k, Math.ceil((s - L) / 2));
  c -= d; m -= d; y -= d; k += d; s -= 2 * d;
  if (s > L) {
    const cmy = c + m + y;
    const f = cmy > 0 ? Math.max(0, L - k) / cmy : 0;
    c = Math.floor(c * f); m = Math.floor(m * f); y = Math.floor(y * f);
  }
  data[i] = c; data[i + 1] = m; data[i + 2] = y; data[i + 3] = k;
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
  // no Huffman optimisation: a third of the encoding time, for files a few % larger
  const jpeg = { quality, chromaSubsampling: '4:4:4', mozjpeg: false, optimiseCoding: false } as const;
  if (channels === 1) return sharp(data, { raw: { width, height, channels: 1 } }).toColourspace('b-w').jpeg(jpeg).toBuffer();
  // Four raw channels read as sRGB + alpha; four one-channel planes joined take the output
  // interpretation (CMYK) as they are.
  const n = width * height;
  const c = Buffer.allocUnsafe(n), m = Buffer.allocUnsafe(n), y = Buffer.allocUnsafe(n), k = Buffer.allocUnsafe(n);
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    c[p] = data[i]; m[p] = data[i + 1]; y[p] = data[i + 2]; k[p] = data[i + 3];
  }
  const raw = { raw: { width, height, channels: 1 as const } };
  return sharp(c, raw).joinChannel([m, y, k], raw).toColourspace('cmyk').jpeg(jpeg).toBuffer();
}

/**
 * The limit step aims this many % under the limit: JPEG compression moves single pixels of
 * a limited photo up to ~8 % over at quality 90 (measured on content/photos), and a margin
 * of 3 keeps all but a few pixels in ten thousand within the limit.
 */
export const JPEG_HEADROOM = 3;

/**
 * Encodes limited CMYK pixels so that the JPEG's own pixels keep within `limit` + 1 %: after
 * each encoding, a pixel the compression pushed over has its source brought down by its
 * overshoot (again grey first, K kept), and the photo is encoded again — at most
 * JPEG_PASSES times (two passes are usually enough; the figures are the last file's).
 */
async function encodeWithinLimit(data: Buffer, width: number, height: number, limit: number, quality: number): Promise<{ bytes: Buffer; after: Coverage; measuredOn: PrintPhoto['measuredOn'] }> {
  const ceiling = Math.floor(((limit + 1) / 100) * 255);
  let bytes = await encodePressJpeg(data, width, height, 4, quality);
  const pixels = coverage(data, 4, limit);
  // far enough under the limit that compression cannot take a pixel over: no check needed
  if ((pixels.max / 100) * 255 + JPEG_SLACK <= ceiling) return { bytes, after: pixels, measuredOn: 'pixels' };
  const sharp = await loadSharp();
  for (let pass = 1; ; pass++) {
    const decoded = await sharp(bytes).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer();
    let over = 0;
    for (let i = 0; i + 3 < decoded.length; i += 4) {
      const s = decoded[i] + decoded[i + 1] + decoded[i + 2] + decoded[i + 3];
      if (s <= ceiling) continue;
      over++;
      const src = data[i] + data[i + 1] + data[i + 2] + data[i + 3];
      limitPixel(data, i, Math.max(0, src - (s - ceiling) - 2));
    }
    if (!over || pass >= JPEG_PASSES) return { bytes, after: coverage(decoded, 4, limit), measuredOn: 'jpeg' };
    bytes = await encodePressJpeg(data, width, height, 4, quality);
  }
}

/** The most (in 8-bit channel-sum units, 30 ≈ 12 %) JPEG compression was seen to add to a pixel. */
export const JPEG_SLACK = 30;

/** Passes of encodeWithinLimit at most. */
export const JPEG_PASSES = 3;

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
  let limited = 0;
  let bytes: Buffer;
  let after: Coverage;
  let measuredOn: PrintPhoto['measuredOn'] = 'jpeg';
  if (px.channels === 4 && !cond.profile.holdsLimit) {
    limited = limitTac(px.data, limit - JPEG_HEADROOM);
    ({ bytes, after, measuredOn } = await encodeWithinLimit(px.data, px.width, px.height, limit, cond.photos.jpegQuality));
  } else {
    bytes = await encodePressJpeg(px.data, px.width, px.height, px.channels, cond.photos.jpegQuality);
    // what will be printed: the JPEG's own pixels, compression error included
    after = coverage(await decodePressJpeg(bytes), px.channels, limit);
  }
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
    measuredOn,
    before,
    ppi: asset?.ppi ?? 0,
  };
}

/**
 * Every asset of a document for the press, into `destDir/print/` (default: the output folder
 * the assets are in): the printed file of each asset key, its path relative to `destDir`.
 * With `cacheDir`, a photo already converted under the same condition (the same asset
 * content, profile, limit and JPEG settings) is copied from there instead.
 * Two at a time (sharp has its own threads; the machine has two cores).
 */
export async function preparePrintPhotos(
  doc: Pick<Document, 'assets'>,
  outDir: string,
  cond: PrintCondition,
  opts: { destDir?: string; cacheDir?: string } = {},
): Promise<Record<string, PrintPhoto>> {
  const destDir = opts.destDir ?? outDir;
  const out: Record<string, PrintPhoto> = {};
  const keys = Object.keys(doc.assets).sort();
  const condKey = opts.cacheDir ? await conditionKey(cond) : '';
  if (opts.cacheDir) await mkdir(opts.cacheDir, { recursive: true });
  const inFlight = new Map<string, Promise<{ photo: PrintPhoto; jpg: string }>>();
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++];
      const a = doc.assets[key];
      const file = `print/${key.replace(/[^A-Za-z0-9._-]+/g, '_')}.jpg`;
      const input = path.join(outDir, a.file);
      if (!opts.cacheDir) {
        out[key] = await convertPhoto(input, destDir, file, cond, { key, colorSpace: a.colorSpace, ppi: a.ppi });
        continue;
      }
      const hash = createHash('sha256').update(JSON.stringify([condKey, a.sha256 || (await sha256Of(input)), a.colorSpace])).digest('hex');
      // two assets of one content (the same photo placed twice) convert once
      let pending = inFlight.get(hash);
      if (!pending) inFlight.set(hash, (pending = cachedOrConverted(opts.cacheDir, hash, input, cond, a)));
      const { photo: made, jpg } = await pending;
      await mkdir(path.dirname(path.join(destDir, file)), { recursive: true });
      await copyFile(jpg, path.join(destDir, file));
      const photo: PrintPhoto = { ...made, asset: key, file, ppi: a.ppi };
      out[key] = photo;
    }
  };
  await Promise.all([worker(), worker()]);
  return Object.fromEntries(keys.map((k) => [k, out[k]]));
}

let tmpCount = 0;

/** A photo from the cache folder, or converted into it (written under a name of its own, then renamed). */
async function cachedOrConverted(cacheDir: string, hash: string, input: string, cond: PrintCondition, a: Asset): Promise<{ photo: PrintPhoto; jpg: string }> {
  const jpg = path.join(cacheDir, `${hash}.jpg`), json = path.join(cacheDir, `${hash}.json`);
  try {
    const photo = JSON.parse(await readFile(json, 'utf8')) as PrintPhoto;
    await stat(jpg);
    return { photo, jpg };
  } catch {
    const tmp = `${hash}.${process.pid}.${++tmpCount}.tmp`;
    const photo = await convertPhoto(input, cacheDir, tmp, cond, { colorSpace: a.colorSpace, ppi: a.ppi });
    await rename(path.join(cacheDir, tmp), jpg);
    await writeFile(path.join(cacheDir, `${tmp}.json`), JSON.stringify(photo));
    await rename(path.join(cacheDir, `${tmp}.json`), json);
    return { photo, jpg };
  }
}

/** What, of a condition, decides a photo's printed pixels. */
async function conditionKey(cond: PrintCondition): Promise<string> {
  const profile = createHash('sha256').update(await loadProfileBytes(cond.profilePath)).digest('hex');
  return JSON.stringify(['press-photo-2', profile, cond.tac.limit, cond.profile.holdsLimit, cond.photos.jpegQuality, JPEG_HEADROOM, JPEG_PASSES, JPEG_SLACK]);
}

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
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
