/**
 * Small PNG previews of PDF pages for a quick look (out/preview/A01.png), drawn by pdf.js
 * on @napi-rs/canvas — both npm packages, so no system renderer is needed. The PNG comes
 * from the finished PDF, so it shows what will print, embedded fonts included.
 */
import { createCanvas } from '@napi-rs/canvas';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** Renders page 1 of a PDF to PNG bytes at `dpi`. */
export async function renderPreview(pdf: Uint8Array, dpi = 40): Promise<Buffer> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const lib = await pdfjs;
  const doc = await lib.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
}
