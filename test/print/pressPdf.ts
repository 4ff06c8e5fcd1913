/**
 * A small PDF writer for the print tests: draws a frame Document's page with pdfkit and the
 * PDF/X functions of src/print/pdfx.ts, the way the renderer is to call them (see
 * docs/print.md, "Wiring"): beginPdfx after `new PDFDocument`, addPdfxPage for each page,
 * colour from PressColour, the printed photos from cmykPhotos. Text goes through pdfkit's
 * own font embedding here (the renderer has its own); what is tested is what pdfx adds.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Document, Page } from '../../src/frame/types.js';
import type { PrintPhoto } from '../../src/print/cmykPhotos.js';
import { loadProfileBytes } from '../../src/print/icc.js';
import { addPdfxPage, beginPdfx, pdfxDocumentOptions, type Pdfx } from '../../src/print/pdfx.js';
import type { PrintCondition } from '../../src/print/printCondition.js';

const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as typeof import('pdfkit');

const n = (v: number) => String(Math.round(v * 1000) / 1000);

export async function pressPdf(
  doc: Document,
  pages: Page[],
  cond: PrintCondition,
  opts: { outDir: string; photos: Record<string, PrintPhoto>; seed: string; root?: string },
): Promise<{ bytes: Buffer; px: Pdfx }> {
  const pdf = new PDFDocument({
    autoFirstPage: false, compress: false, ...pdfxDocumentOptions(cond),
    info: { Title: doc.title, Producer: 'zuban', Creator: 'zuban', CreationDate: new Date('2026-01-01T00:00:00Z'), ModDate: new Date('2026-01-01T00:00:00Z') },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const px = beginPdfx(pdf, { cond, profile: await loadProfileBytes(cond.profilePath), title: doc.title, seed: opts.seed, spots: doc.spots });
  const root = opts.root ?? process.cwd();
  for (const page of pages) {
    addPdfxPage(pdf, px, page);
    px.colour.reset();
    const ops = (s: string) => s && pdf.addContent(s);
    for (const block of page.blocks) {
      for (const g of block.graphics) {
        if (g.kind === 'rule') ops(`${px.colour.strokePaint(g.stroke)}${n(g.width)} w ${n(g.x1)} ${n(g.y1)} m ${n(g.x2)} ${n(g.y2)} l S`);
        else if (g.kind === 'box') {
          if (g.fill) ops(`${px.colour.fillPaint(g.fill)}${n(g.x)} ${n(g.y)} ${n(g.w)} ${n(g.h)} re f`);
          if (g.stroke > 0) ops(`${px.colour.strokePaint(g.strokePaint)}${n(g.stroke)} w ${n(g.x)} ${n(g.y)} ${n(g.w)} ${n(g.h)} re S`);
        } else if (g.kind === 'image') {
          const p = opts.photos[g.asset];
          const file = path.join(opts.outDir, p ? p.file : doc.assets[g.asset].file);
          ops(px.colour.image());
          pdf.image(file, g.x, g.y, { width: g.w, height: g.h });
        }
      }
    }
    for (const block of page.blocks) {
      for (const line of block.lines) {
        for (const run of line.runs) {
          pdf.font(path.resolve(root, doc.fonts[run.font].file)).fontSize(run.size);
          ops(px.colour.text(run.fill, run.size).trim());
          pdf.text(run.text, line.x + (run.xs[0] ?? 0), line.baseline - line.ascent, { lineBreak: false });
        }
      }
    }
  }
  pdf.end();
  await done;
  return { bytes: Buffer.concat(chunks), px };
}
