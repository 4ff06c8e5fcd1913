/**
 * The one place that touches pdfkit's font internals. zuban positions every glyph
 * itself, so instead of `doc.text` (which re-shapes each string with fontkit) it adds
 * glyph ids straight to pdfkit's subset and records the width and the Unicode value
 * that pdfkit's ToUnicode CMap and W array are built from at `doc.end()`.
 * Contract (pdfkit 0.20): EmbeddedFont has `id`, `subset.includeGlyph(gid) → cid`,
 * `widths[cid]` (1/1000 em), `unicode[cid]` (code points) and `ref()`; tested in
 * test/render/pdf/embeddedFont.test.ts.
 */
import type PDFKit from 'pdfkit';
import type * as fontkit from 'fontkit';

/** fontkit's TTFSubset: `glyphs[cid] = gid`; `includeGlyph` dedupes through `mapping`. */
interface FontkitSubset {
  includeGlyph(gid: number): number;
  glyphs: number[];
  font: FontkitInternals;
  _addGlyph(gid: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}

interface FontkitInternals {
  loca: { offsets: number[] };
  hmtx: { metrics: { get(i: number): { advance: number; bearing: number } | undefined; length: number } };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
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
export class EmbeddedFont {
  private readonly cids = new Map<number, string>();
  private readonly narrowed = new Map<string, string>();
  private readonly pdf: PdfkitEmbeddedFont;

  constructor(doc: PDFKit.PDFDocument, key: string, font: fontkit.Font) {
    doc.registerFont(key, font as unknown as string);
    doc.font(key);
    this.pdf = (doc as unknown as PdfkitDoc)._font;
    speedUpSubset(this.pdf.subset);
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
}

/** Appends raw content-stream operators (ASCII) to the current page. */
export function writeContent(doc: PDFKit.PDFDocument, ops: string): void {
  // As bytes: pdfkit would otherwise convert the string one character at a time.
  (doc as unknown as PdfkitDoc).page.write(Buffer.from(ops + '\n', 'latin1'));
}

/**
 * fontkit's TrueType subsetter decodes every glyph's whole outline (points, flags) only
 * to learn whether it is a composite — 60 % of a one-page render for a CJK font. The
 * first int16 of a glyph record (numberOfContours) says so; simple glyphs are copied as
 * bytes, composites still go through fontkit's own code (it renumbers their components).
 */
function speedUpSubset(subset: FontkitSubset): void {
  const font = subset.font;
  if (font._variationProcessor) return;
  const original = subset._addGlyph.bind(subset);
  subset._addGlyph = (gid: number): number => {
    const start = font.loca.offsets[gid];
    const end = font.loca.offsets[gid + 1];
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const bytes = stream.readBuffer(end - start);
    if (bytes.length >= 2 && bytes[0] & 0x80) return original(gid); // numberOfContours < 0: composite
    const m = font.hmtx.metrics.get(Math.min(gid, font.hmtx.metrics.length - 1));
    subset.glyf.push(bytes);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push({ advance: m?.advance ?? 0, bearing: m?.bearing ?? 0 });
    subset.offset += bytes.length;
    return subset.glyf.length - 1;
  };
}
