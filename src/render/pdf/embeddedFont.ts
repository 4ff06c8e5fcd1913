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
import type PDFKit from 'pdfkit';
import type * as fontkit from 'fontkit';
import type { PdfFont } from './subsetFont.js';

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

/** A font embedded in one PDF document: glyph id → 4-hex-digit CID, cached. */
export class EmbeddedFont implements PdfFont {
  private readonly cids = new Map<number, string>();
  private readonly narrowed = new Map<string, string>();
  private readonly pdf: PdfkitEmbeddedFont;

  constructor(doc: PDFKit.PDFDocument, key: string, font: fontkit.Font) {
    doc.registerFont(key, font as unknown as string);
    doc.font(key);
    this.pdf = (doc as unknown as PdfkitDoc)._font;
  }

  /** The resource name on a page, e.g. 'F1'. */
  get id(): string {
    return this.pdf.id;
  }

  /** The CID (hex) of a glyph; adds it to the subset with its width and Unicode text. */
  cid(gid: number, advPer1000: number, codePoint: number): string {
    let hex = this.cids.get(gid);
    if (hex === undefined) {
      const cid = this.pdf.subset.includeGlyph(gid);
      this.pdf.widths[cid] = advPer1000;
      this.pdf.unicode[cid] = [codePoint];
      hex = cid.toString(16).padStart(4, '0');
      this.cids.set(gid, hex);
    }
    return hex;
  }

  /**
   * The CID of a glyph drawn narrower than its advance (a compressed mark: 。 before ”,
   * a line-end ，). It is the same outline added to the subset a second time under a CID
   * whose PDF width is the compressed one, so text extraction (pdftotext, ALTO checks)
   * sees boxes that end where the layout put the next glyph or the column edge — with
   * the full width, a line-end mark's box reaches 4.5 pt into the gutter and extractors
   * merge the lines of neighbouring columns.
   */
  narrowCid(gid: number, widthPer1000: number, codePoint: number): string {
    const key = `${gid}:${Math.round(widthPer1000)}`;
    let hex = this.narrowed.get(key);
    if (hex === undefined) {
      this.pdf.subset.glyphs.push(gid);
      const cid = this.pdf.subset.glyphs.length - 1;
      this.pdf.widths[cid] = Math.round(widthPer1000);
      this.pdf.unicode[cid] = [codePoint];
      hex = cid.toString(16).padStart(4, '0');
      this.narrowed.set(key, hex);
    }
    return hex;
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
