/**
 * A placed PDF page (an ad) as a PNG for the previews: drawn once by pdf.js on
 * @napi-rs/canvas (both npm packages, no system renderer) and kept in a cache folder under
 * the SHA-256 of the file, the page, the box and the resolution — an edition rebuilt with
 * the same ad does not draw it again. The print PDF keeps the ad as vectors; only the
 * previews paste this picture.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormAsset } from '../../frame/types.js';

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js (its legacy build, which runs on Node), loaded once. */
export function loadPdfJs(): Promise<PdfJs> {
  const require = createRequire(import.meta.url);
  pdfjs ??= import(pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.mjs')).href) as Promise<PdfJs>;
  return pdfjs;
}

/**
 * The PNG of a form's page box at `dpi`, from `cacheDir` when drawn before; its path.
 * `file` is the form's PDF (absolute).
 */
export async function rasterForm(form: Pick<FormAsset, 'page' | 'box'>, file: string, dpi: number, cacheDir: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  const key = crypto.createHash('sha256').update(bytes).update(JSON.stringify([form.page, form.box, dpi])).digest('hex');
  const out = path.join(cacheDir, `${key}.png`);
  if (fs.existsSync(out)) return out;
  const lib = await loadPdfJs();
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(form.page);
    const s = dpi / 72;
    const [bx0, by0, bx1, by1] = form.box;
    // the box, not the page's crop box: shift the viewport so the box's top-left is at 0, 0
    const view = page.view;
    const viewport = page.getViewport({ scale: s, offsetX: -(bx0 - view[0]) * s, offsetY: -(view[3] - by1) * s });
    const canvas = createCanvas(Math.max(1, Math.round((bx1 - bx0) * s)), Math.max(1, Math.round((by1 - by0) * s)));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
    fs.mkdirSync(cacheDir, { recursive: true });
    // written under a temporary name and renamed: a cache entry is whole or absent
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, canvas.toBuffer('image/png'));
    fs.renameSync(tmp, out);
    return out;
  } finally {
    await doc.destroy();
  }
}
