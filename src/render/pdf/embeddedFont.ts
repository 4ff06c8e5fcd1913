/**
 * A CFF-outline font (an .otf), embedded through pdfkit's own font code — TrueType fonts,
 * all that fonts.json names today, go through SubsetFont instead. The one place that
 * touches pdfkit's font internals: zuban positions every glyph itself, so instead of
 * `doc.text` (which re-shapes each string with fontkit) it fills pdfkit's subset, widths
 * and Unicode values in CID order from the CidTable, and pdfkit's ToUnicode CMap and W
 * array are built from them at `doc.end()`.
 * Contract (pdfkit 0.20): pdfkit's EmbeddedFont has `subset.glyphs[cid] = gid` (starting
 * with .notdef), `widths[cid]` (1/1000 em), `unicode[cid]` (code points) and `ref()`.
 */
import type * as fontkit from 'fontkit';
import type { CidTable } from './cidMap.js';
import type { PdfFontObject } from './subsetFont.js';

interface PdfkitEmbeddedFont {
  subset: { glyphs: number[] };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

export class EmbeddedFont implements PdfFontObject {
  private readonly pdf: PdfkitEmbeddedFont;

  constructor(doc: PDFKit.PDFDocument, key: string, font: fontkit.Font) {
    doc.registerFont(key, font as unknown as string);
    doc.font(key);
    this.pdf = (doc as unknown as { _font: PdfkitEmbeddedFont })._font;
  }

  get ref(): unknown {
    return this.pdf.ref();
  }

  /** pdfkit embeds its fonts at `doc.end()`, from what is filled in here. */
  finish(table: CidTable): void {
    for (let cid = 1; cid < table.gids.length; cid++) {
      this.pdf.subset.glyphs[cid] = table.gids[cid];
      this.pdf.widths[cid] = table.widths[cid];
      this.pdf.unicode[cid] = [table.unicode[cid]!];
    }
  }
}
