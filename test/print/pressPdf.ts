/**
 * The print tests' PDF/X files, written by the renderer itself (render/pdf's renderPdf with
 * `pdfx` and the printed photos from cmykPhotos as `pressFiles`), from the hand-built
 * Documents of fixtures.ts. Their runs carry no glyph ids (the fixtures do not shape), so
 * each character's glyph is looked up in the role's font here first.
 */
import type { Document, Page } from '../../src/frame/types.js';
import type { PrintPhoto } from '../../src/print/cmykPhotos.js';
import { loadProfileBytes } from '../../src/print/icc.js';
import type { PrintCondition } from '../../src/print/printCondition.js';
import { renderPdf } from '../../src/render/pdf/renderPdf.js';
import { fonts } from '../helpers/fonts.js';

export async function pressPdf(
  doc: Document,
  pages: Page[],
  cond: PrintCondition,
  opts: { outDir: string; photos: Record<string, PrintPhoto>; seed: string; root?: string },
): Promise<{ bytes: Buffer }> {
  const shaped: Page[] = pages.map((p) => ({
    ...p,
    blocks: p.blocks.map((b) => ({
      ...b,
      lines: b.lines.map((l) => ({
        ...l,
        runs: l.runs.map((r) => {
          const face = fonts.faceForFile(doc.fonts[r.font].role, doc.fonts[r.font].file);
          return { ...r, gids: [...r.text].map((c) => face.gid(c.codePointAt(0)!)) };
        }),
      })),
    })),
  }));
  const pressFiles: Record<string, string> = {};
  for (const [asset, p] of Object.entries(opts.photos)) pressFiles[asset] = p.file;
  const bytes = await renderPdf({ ...doc, pages: shaped }, {
    openFont: (r) => fonts.faceForFile(r.role, r.file),
    assetDir: opts.outDir,
    compress: false,
    pdfx: { cond, profile: await loadProfileBytes(cond.profilePath), seed: opts.seed },
    pressFiles,
  });
  return { bytes };
}
