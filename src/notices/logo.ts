/**
 * 标志 — the paid logo extra (issue 14 item 4). A logo is billed only when it is printed,
 * so it is checked like a photo before the notice may run: the file is read, it must be
 * a JPEG or PNG, not too large, and give enough resolution at its placed size; otherwise
 * the notice is refused naming the field `logo`. The placed size is fixed here, once, for
 * the check and for the layout: `heightLines` notice lines tall, narrowed to the measure.
 */
import type { NoticeStyle } from './config.js';
import type { Reason } from './reasons.js';

/** A logo as the layout places it. */
export interface PlacedLogo {
  /** Path of the image file (JPEG or PNG), embedded as is. */
  file: string;
  format: 'jpeg' | 'png';
  /** Pixel size of the image. */
  pxWidth: number;
  pxHeight: number;
  /** Placed size, pt. */
  width: number;
  height: number;
  /** Resolution at the placed size, pixels per inch. */
  ppi: number;
}

/** Format and pixel size read from a JPEG or PNG header, or null for anything else. */
export function imageHeader(bytes: Uint8Array): { format: 'jpeg' | 'png'; width: number; height: number } | null {
  const u32 = (i: number) => ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
  const u16 = (i: number) => (bytes[i] << 8) | bytes[i + 1];
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && PNG.every((b, i) => bytes[i] === b)) {
    const width = u32(16);
    const height = u32(20);
    return width > 0 && height > 0 ? { format: 'png', width, height } : null;
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  // walk the JPEG segments to the first start-of-frame (SOF0–15 except DHT C4, JPG C8, DAC CC)
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    const len = u16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = u16(i + 5);
      const width = u16(i + 7);
      return width > 0 && height > 0 ? { format: 'jpeg', width, height } : null;
    }
    if (len < 2) return null;
    i += 2 + len;
  }
  return null;
}

/** The logo's placed size: `heightLines` lines tall, narrowed to fit the measure. */
export function placeLogo(px: { width: number; height: number }, measurePt: number, style: NoticeStyle): { width: number; height: number; ppi: number } {
  let height = style.logo.heightLines * style.pitch;
  let width = (height * px.width) / px.height;
  if (width > measurePt) {
    width = measurePt;
    height = (width * px.height) / px.width;
  }
  return { width, height, ppi: px.width / (width / 72) };
}

/**
 * Check a notice's logo file and size it, or give the reasons it cannot be printed.
 * `read` returns the file's bytes (throws like fs.readFileSync).
 */
export function checkLogo(logoPath: string, resolved: string, read: (p: string) => Uint8Array, measurePt: number, style: NoticeStyle, file: string): { ok: true; logo: PlacedLogo; warnings: Reason[] } | { ok: false; reasons: Reason[] } {
  const refuse = (code: string, zh: string, en: string) => ({ ok: false as const, reasons: [{ file, field: 'logo', code, message: `标志${logoPath}：${zh}`, messageEn: `logo ${logoPath}: ${en}` }] });
  let bytes: Uint8Array;
  try {
    bytes = read(resolved);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return refuse('logo.unreadable', `无法读取（${code}），标志不能刊出`, `cannot be read (${code}), so it cannot be printed`);
  }
  if (bytes.length > style.logo.maxBytes) {
    return refuse('logo.too-large', `文件${Math.round(bytes.length / 1024)}KB，超过${Math.round(style.logo.maxBytes / 1024)}KB`, `the file is ${Math.round(bytes.length / 1024)} KB, over ${Math.round(style.logo.maxBytes / 1024)} KB`);
  }
  const head = imageHeader(bytes);
  if (!head) return refuse('logo.format', '不是JPEG或PNG图像', 'not a JPEG or PNG image');
  const placed = placeLogo(head, measurePt, style);
  if (placed.ppi < style.logo.minPpi) {
    return refuse('logo.ppi', `刊出尺寸下仅${Math.round(placed.ppi)}ppi，至少需要${style.logo.minPpi}ppi`, `only ${Math.round(placed.ppi)} ppi at its printed size; at least ${style.logo.minPpi} ppi is needed`);
  }
  return { ok: true, logo: { file: resolved, format: head.format, pxWidth: head.width, pxHeight: head.height, ...placed }, warnings: [] };
}
