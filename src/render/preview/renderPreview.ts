/**
 * Small PNG previews of pages for a quick look (out/preview/A01.png), drawn by pdf.js on
 * @napi-rs/canvas — npm packages, so no system renderer is needed. The text comes from a
 * PDF of the page (embedded fonts, as it will print); the photos are pasted in by sharp
 * from the prepared files the PDF embeds. Why not let pdf.js draw them: its JPEG decoder
 * is JavaScript and decodes every photo at full print resolution, about a third of the
 * preview's time, where libvips shrinks on load.
 */
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** An image to paste, in pt on the page (top-left origin), from a prepared file. */
export interface PreviewImage {
  file: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a preview needs: plain data, so it can be sent to a worker thread. */
export interface PreviewJob {
  /** A PDF whose page 1 is the page without its images. */
  pdf: Uint8Array;
  images: PreviewImage[];
  dpi: number;
}

/** Renders a preview job to PNG bytes. */
export async function renderPreview(job: PreviewJob): Promise<Buffer> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const lib = await pdfjs;
  const doc = await lib.getDocument({ data: new Uint8Array(job.pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  let png: Buffer;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: job.dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    png = canvas.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
  if (!job.images.length) return png;
  const s = job.dpi / 72;
  const layers = await Promise.all(
    job.images.map(async (im) => {
      const left = Math.round(im.x * s), top = Math.round(im.y * s);
      const width = Math.max(1, Math.round((im.x + im.w) * s) - left), height = Math.max(1, Math.round((im.y + im.h) * s) - top);
      return { input: await sharp(im.file).resize(width, height, { fit: 'fill' }).toBuffer(), left, top };
    }),
  );
  return sharp(png).composite(layers).png().toBuffer();
}

/** Loads pdf.js ahead of the first job (a worker calls it on start, while layout runs). */
export function preloadPreview(): void {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
}
