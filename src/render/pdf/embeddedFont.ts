/**
 * A CFF-outline font (an .otf), embedded through pdfkit's own font code — TrueType fonts,
 * all that fonts.json names today, go through SubsetFont instead. The one place that
 * touches pdfkit's font internals: zuban positions every glyph itself, so instead of
 * `doc.text` (which re-shapes each string with fontkit) it adds glyph ids straight to
 * pdfkit's subset and records the width and the Unicode value that pdfkit's ToUnicode
 * CMap and W array are built from at `doc.end()`.
 * Contract (pdfkit 0.20): pdfkit's EmbeddedFont has `id`, `subset.includeGlyph(gid) → cid`,
 * `widths[cid]` (1/1000 em), `unicode[cid]` (code points) and `ref()`.
 */
import type * as fontkit from 'fontkit';
import { CidFont } from './subsetFont.js';

/** fontkit's subset: `glyphs[cid] = gid`; `includeGlyph` dedupes through `mapping`. */
interface FontkitSubset {
  includeGlyph(gid: number): number;
  glyphs: number[];
}

interface PdfkitEmbeddedFont {
  id: string;
  subset: FontkitSubset;
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface PdfkitDoc {
  _font: PdfkitEmbeddedFont;
  page: { fonts: Record<string, unknown>; write(chunk: string | Uint8Array): void };
}

/** A CFF font embedded in one PDF document through pdfkit's subset. */
export class EmbeddedFont extends CidFont {
  private readonly pdf: PdfkitEmbeddedFont;

  constructor(doc: PDFKit.PDFDocument, key: string, font: fontkit.Font) {
    super();
    doc.registerFont(key, font as unknown as string);
    doc.font(key);
    this.pdf = (doc as unknown as PdfkitDoc)._font;
  }

  /** The resource name on a page, e.g. 'F1'. */
  get id(): string {
    return this.pdf.id;
  }

  protected addCid(gid: number, width: number, codePoint: number, usual: boolean): number {
    const subset = this.pdf.subset;
    const cid = usual ? subset.includeGlyph(gid) : subset.glyphs.push(gid) - 1;
    this.pdf.widths[cid] = width;
    this.pdf.unicode[cid] = [codePoint];
    return cid;
  }

  /** Declares the font in the current page's resources. */
  useOn(doc: PDFKit.PDFDocument): void {
    const page = (doc as unknown as PdfkitDoc).page;
    if (!page.fonts[this.pdf.id]) page.fonts[this.pdf.id] = this.pdf.ref();
  }

  /** pdfkit embeds its fonts at `doc.end()`. */
  finish(): void {}
}

/** Appends raw content-stream operators (ASCII) to the current page. */
export function writeContent(doc: PDFKit.PDFDocument, ops: string): void {
  // As bytes: pdfkit would otherwise convert the string one character at a time.
  (doc as unknown as PdfkitDoc).page.write(Buffer.from(ops + '\n', 'latin1'));
}
