/**
 * ICC profiles for print: reading the header fields that decide whether a profile can be a
 * PDF/X output intent (an output — `prtr` — profile of a CMYK data space, N = 4), its
 * description, and getting the bytes of sharp's built-in CMYK profile.
 */
import { readFile } from 'node:fs/promises';

export interface IccInfo {
  /** Profile/device class: 'prtr' (output), 'mntr', 'scnr', 'spac', 'link' … */
  deviceClass: string;
  /** Data colour space: 'CMYK', 'RGB ', 'GRAY' … */
  colorSpace: string;
  /** Number of colour components of the data colour space (the /N of the ICC stream). */
  components: number;
  /** Profile version, e.g. '2.1', '4.3'. */
  version: string;
  /** The `desc` tag's text, or '' when there is none. */
  description: string;
  /** The `cprt` tag's text, or ''. */
  copyright: string;
}

const COMPONENTS: Record<string, number> = { 'GRAY': 1, 'RGB ': 3, 'Lab ': 3, 'XYZ ': 3, 'CMY ': 3, 'CMYK': 4, '5CLR': 5, '6CLR': 6, '7CLR': 7, '8CLR': 8 };

/** The header and description of an ICC profile; throws if `bytes` is not one. */
export function readIcc(bytes: Uint8Array): IccInfo {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 132 || b.toString('latin1', 36, 40) !== 'acsp') throw new Error('not an ICC profile (no "acsp" signature at byte 36)');
  const colorSpace = b.toString('latin1', 16, 20);
  const info: IccInfo = {
    deviceClass: b.toString('latin1', 12, 16),
    colorSpace,
    components: COMPONENTS[colorSpace] ?? 0,
    version: `${b[8]}.${b[9] >> 4}`,
    description: '',
    copyright: '',
  };
  const n = b.readUInt32BE(128);
  for (let i = 0; i < n && 132 + 12 * i + 12 <= b.length; i++) {
    const o = 132 + 12 * i;
    const sig = b.toString('latin1', o, o + 4);
    if (sig !== 'desc' && sig !== 'cprt') continue;
    const text = tagText(b, b.readUInt32BE(o + 4), b.readUInt32BE(o + 8));
    if (sig === 'desc') info.description = text;
    else info.copyright = text;
  }
  return info;
}

/** Text of a `desc` (v2 textDescriptionType), `text` or `mluc` (v4) tag. */
function tagText(b: Buffer, off: number, len: number): string {
  if (off + len > b.length || len < 12) return '';
  const type = b.toString('latin1', off, off + 4);
  if (type === 'desc') {
    const n = b.readUInt32BE(off + 8);
    return b.toString('latin1', off + 12, off + 12 + Math.max(0, n - 1)).replace(/\0+$/, '');
  }
  if (type === 'text') return b.toString('latin1', off + 8, off + len).replace(/\0+$/, '');
  if (type === 'mluc') {
    const count = b.readUInt32BE(off + 8);
    if (count < 1) return '';
    const strLen = b.readUInt32BE(off + 20);
    const strOff = b.readUInt32BE(off + 24);
    const s = b.subarray(off + strOff, off + strOff + strLen);
    let out = '';
    for (let i = 0; i + 1 < s.length; i += 2) out += String.fromCharCode(s.readUInt16BE(i));
    return out;
  }
  return '';
}

let builtin: Promise<Buffer> | undefined;

/**
 * The bytes of sharp's (libvips') built-in CMYK profile, "Chemical proof" by Graeme Gill,
 * public domain: a generic CMYK profile, not a newsprint one. Read once per process from a
 * one-pixel JPEG sharp writes with it.
 */
export function builtinCmykProfile(): Promise<Buffer> {
  builtin ??= (async () => {
    const { default: sharp } = await import('sharp');
    const jpeg = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } }).withIccProfile('cmyk').jpeg().toBuffer();
    const icc = (await sharp(jpeg).metadata()).icc;
    if (!icc) throw new Error("sharp wrote no ICC profile for withIccProfile('cmyk')");
    return icc;
  })();
  return builtin;
}

/** The profile bytes of a resolved print condition's `profile` (a path or `builtin:cmyk`). */
export async function loadProfileBytes(profile: string): Promise<Buffer> {
  return profile === BUILTIN_CMYK ? builtinCmykProfile() : readFile(profile);
}

export const BUILTIN_CMYK = 'builtin:cmyk';
