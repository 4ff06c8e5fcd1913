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
  encode(): Uint8Array;
  glyf: Uint8Array[];
  loca: { offsets: number[]; version?: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings?: number[] };
  offset: number;
}

interface FontkitInternals {
  loca: { offsets: number[] };
  hmtx: { metrics: { get(i: number): { advance: number; bearing: number } | undefined; length: number } };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  stream?: { buffer: Uint8Array };
  directory?: { tables: Record<string, { offset: number; length: number } | undefined> };
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

/** The font's raw bytes and table directory, as fontkit parsed them. */
interface RawFont {
  bytes: Uint8Array;
  view: DataView;
  table(tag: string): { offset: number; length: number } | undefined;
}

function rawFont(font: FontkitInternals): RawFont | undefined {
  const bytes = font.stream?.buffer;
  const tables = font.directory?.tables;
  if (!bytes || !tables) return undefined;
  for (const tag of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf']) if (!tables[tag]) return undefined;
  return { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), table: (tag) => tables[tag] };
}

/**
 * Two parts of fontkit's TrueType subsetter, redone on the font's bytes:
 * - adding a glyph: fontkit decodes its whole outline (points, flags) only to learn
 *   whether it is a composite; the first int16 of the record (numberOfContours) says so,
 *   so simple glyphs are copied as bytes, with their metrics read from hmtx. Composites
 *   still go through fontkit's own code (it renumbers their components).
 * - writing the subset font: fontkit decodes cvt, prep and fpgm into objects and encodes
 *   every table back through restructure; here they are copied as bytes, and only head,
 *   hhea and maxp get new values (the loca format, the metric and glyph counts).
 * The result holds the same tables with the same glyphs (test/render/pdf/embeddedFont.test.ts).
 */
function speedUpSubset(subset: FontkitSubset): void {
  const font = subset.font;
  const raw = rawFont(font);
  if (font._variationProcessor || !raw) return;
  const { view } = raw;
  const head = raw.table('head')!.offset, hmtx = raw.table('hmtx')!.offset, loca = raw.table('loca')!.offset, glyf = raw.table('glyf')!.offset;
  const longLoca = view.getInt16(head + 50) === 1;
  const numMetrics = view.getUint16(raw.table('hhea')!.offset + 34);
  const at = (g: number) => (longLoca ? view.getUint32(loca + 4 * g) : 2 * view.getUint16(loca + 2 * g));
  const original = subset._addGlyph.bind(subset);
  subset._addGlyph = (gid: number): number => {
    const start = glyf + at(gid);
    const bytes = raw.bytes.subarray(start, glyf + at(gid + 1));
    if (bytes.length >= 2 && bytes[0] & 0x80) return original(gid); // numberOfContours < 0: composite
    const advance = view.getUint16(hmtx + 4 * Math.min(gid, numMetrics - 1));
    const bearing = gid < numMetrics ? view.getInt16(hmtx + 4 * gid + 2) : view.getInt16(hmtx + 4 * numMetrics + 2 * (gid - numMetrics));
    subset.glyf.push(bytes);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push({ advance, bearing });
    subset.offset += bytes.length;
    return subset.glyf.length - 1;
  };
  subset.encode = (): Uint8Array => {
    subset.glyf = [];
    subset.offset = 0;
    subset.loca = { offsets: [] };
    subset.hmtx = { metrics: [] };
    // glyphs may grow while this runs: a composite adds its components
    for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]);
    subset.loca.offsets.push(subset.offset);
    return writeSubset(raw, subset);
  };
}

/** The subset as a TrueType font: head, hhea, maxp, cvt, prep, fpgm, loca, glyf, hmtx. */
function writeSubset(raw: RawFont, subset: FontkitSubset): Uint8Array {
  const n = subset.glyf.length;
  const copy = (tag: string) => {
    const t = raw.table(tag);
    // a copy (a Buffer's slice would share, and head, hhea and maxp are edited below)
    return t ? new Uint8Array(raw.bytes.subarray(t.offset, t.offset + t.length)) : undefined;
  };
  const head = copy('head')!, hhea = copy('hhea')!, maxp = copy('maxp')!;
  const hv = new DataView(head.buffer), hh = new DataView(hhea.buffer), mv = new DataView(maxp.buffer);
  hv.setUint32(8, 0); // checkSumAdjustment, set below
  hv.setInt16(50, 1); // long loca offsets
  hh.setUint16(34, n);
  mv.setUint16(4, n);
  const loca = new Uint8Array(4 * (n + 1));
  const lv = new DataView(loca.buffer);
  subset.loca.offsets.forEach((o, i) => lv.setUint32(4 * i, o));
  const glyf = new Uint8Array(subset.offset);
  let pos = 0;
  for (const g of subset.glyf) {
    glyf.set(g, pos);
    pos += g.length;
  }
  const hmtx = new Uint8Array(4 * n);
  const mx = new DataView(hmtx.buffer);
  subset.hmtx.metrics.forEach((m, i) => {
    mx.setUint16(4 * i, m.advance);
    mx.setInt16(4 * i + 2, m.bearing);
  });
  const tables: [string, Uint8Array][] = (
    [['cvt ', copy('cvt ')], ['fpgm', copy('fpgm')], ['glyf', glyf], ['head', head], ['hhea', hhea], ['hmtx', hmtx], ['loca', loca], ['maxp', maxp], ['prep', copy('prep')]] as [string, Uint8Array | undefined][]
  ).filter((t): t is [string, Uint8Array] => t[1] !== undefined);
  const dirLen = 12 + 16 * tables.length;
  const size = tables.reduce((len, [, d]) => len + ((d.length + 3) & ~3), dirLen);
  const out = new Uint8Array(size);
  const ov = new DataView(out.buffer);
  let pow = 1, log = 0;
  while (pow * 2 <= tables.length) {
    pow *= 2;
    log++;
  }
  ov.setUint32(0, 0x00010000);
  ov.setUint16(4, tables.length);
  ov.setUint16(6, pow * 16);
  ov.setUint16(8, log);
  ov.setUint16(10, tables.length * 16 - pow * 16);
  let offset = dirLen, headAt = 0;
  tables.forEach(([tag, data], i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    ov.setUint32(rec + 4, checksum(data));
    ov.setUint32(rec + 8, offset);
    ov.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headAt = offset;
    offset += (data.length + 3) & ~3;
  });
  ov.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** The sfnt checksum: the sum of big-endian uint32s, the last one zero-padded. */
function checksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length & ~3;
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}
