/**
 * The press stage of a build (`zuban build --pdfx`): the print condition read, the photos
 * converted for the press, preflight run on the page tree, and what the PDF writer needs to
 * write PDF/X. The pipeline calls it after the photos are prepared and before the PDFs:
 *
 *   const press = await pressStage(set.print, stage.dir, { root, condition });
 *   const report = await press.preflight();        // → preflight.json, a line a page
 *   renderPdf(doc, { ...render, ...press.render }); // PDF/X pages with the CMYK photos
 */
import path from 'node:path';
import type { Document } from '../frame/types.js';
import { preparePrintPhotos, type PrintPhoto } from './cmykPhotos.js';
import { loadProfileBytes } from './icc.js';
import type { PdfxSetup } from './pdfx.js';
import { preflight, type PreflightReport } from './preflight.js';
import { DEFAULT_CONDITION_FILE, loadPrintCondition, type PrintCondition } from './printCondition.js';

export interface PressStage {
  cond: PrintCondition;
  photos: Record<string, PrintPhoto>;
  /** Options for renderPdf: PDF/X and the printed photo files. */
  render: { pdfx: Omit<PdfxSetup, 'title' | 'spots'>; pressFiles: Record<string, string> };
  /** Preflight of the document with the printed photos. */
  preflight(): Promise<PreflightReport>;
}

export async function pressStage(
  doc: Document,
  outDir: string,
  opts: { root: string; condition?: string; cacheDir?: string },
): Promise<PressStage> {
  const file = opts.condition ?? path.join(opts.root, DEFAULT_CONDITION_FILE);
  const cond = await loadPrintCondition(file, path.relative(process.cwd(), file) || file);
  const [profile, photos] = await Promise.all([loadProfileBytes(cond.profilePath), preparePrintPhotos(doc, outDir, cond, { cacheDir: opts.cacheDir })]);
  return {
    cond,
    photos,
    render: {
      pdfx: { cond, profile, seed: `${doc.meta.paper}/${doc.meta.date}` },
      pressFiles: Object.fromEntries(Object.entries(photos).map(([k, p]) => [k, p.file])),
    },
    preflight: () => preflight(doc, cond, { outDir, photos, root: opts.root }),
  };
}
