/**
 * The PDF file, written by pdfkit from pages whose content streams are already built
 * (pageContent.ts) and, after the last page, the fonts' CID tables. The only module
 * that loads pdfkit.
 */
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import type { FontFace } from '../../fonts/fontBook.js';
import { addPdfxPage, beginPdfx, pdfxDocumentOptions, type Pdfx, type PdfxSetup } from '../../print/pdfx.js';
import type { CidTable } from './cidMap.js';
import { EmbeddedFont } from './embeddedFont.js';
import type { FontUse, PageContent } from './pageContent.js';
import { fastDeflate, SubsetFont, type PdfFontObject } from './subsetFont.js';
import { addExtras, type Extras } from './pageExtras.js';

// pdfkit from its CommonJS build (Node 20 loads that module graph faster than its ES one).
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof PDFKitDocument;

/** What the document says of itself. */
export interface PdfInfo {
  title: string;
  /** Creation date; a fixed one (FIXED_DATE) keeps equal input byte-equal. */
  date?: Date;
  /** Deflate content streams and fonts (default true). */
  compress?: boolean;
  /** Write PDF/X (src/print/pdfx.ts): output intent, Info keys, boxes, subset tags. */
  pdfx?: PdfxSetup;
}

/** The CIDs each font ended with, for writing the fonts. */
export interface FontTable extends FontUse {
  table: CidTable;
}

/** A fixed date for reproducible PDFs when none is given. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

export class PdfFile {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private readonly fonts = new Map<string, PdfFontObject>();
  /** Forms and Separation colour spaces written so far (each once per file). */
  private readonly extras: Extras = { forms: new Map(), spots: new Map() };
  /** PDF/X state, when writing for the press. */
  readonly pdfx?: Pdfx;

  constructor(
    info: PdfInfo,
    /** The face of a font id (the subset is cut from its file). */
    private readonly faceFor: (key: string) => FontFace,
  ) {
    const date = info.date ?? FIXED_DATE;
    this.doc = new PDFDocument({
      autoFirstPage: false,
      compress: info.compress ?? true,
      pdfVersion: info.pdfx ? pdfxDocumentOptions(info.pdfx.cond).pdfVersion : '1.7',
      // No default Helvetica: it is never drawn, and loading its metrics costs every document.
      font: null as unknown as string,
      info: { Title: info.title, Producer: 'zuban', Creator: 'zuban', CreationDate: date, ModDate: date },
    });
    if (info.pdfx) this.pdfx = beginPdfx(this.doc, info.pdfx);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
  }

  /** Adds a page: its content stream, the fonts it names, then its images. */
  addPage(page: PageContent, fileOf: (asset: string) => string, formFileOf?: (asset: string) => { file: string; page: number }): void {
    const doc = this.doc;
    if (this.pdfx) addPdfxPage(doc, this.pdfx, page);
    else doc.addPage({ size: [page.width, page.height], margin: 0 });
    const resources = (doc as unknown as { page: { fonts: Record<string, unknown> } }).page.fonts;
    for (const f of page.fonts) resources[f.id] = this.font(f).ref;
    if (page.forms?.length || page.spots?.length) addExtras(doc, page, this.extras, formFileOf);
    // As bytes: pdfkit would otherwise convert the string one character at a time.
    (doc as unknown as { page: { write(b: Uint8Array): void } }).page.write(Buffer.from(page.ops + '\n', 'latin1'));
    for (const im of page.images) doc.image(fileOf(im.asset), im.x, im.y, { width: im.w, height: im.h });
    packContent(doc);
  }

  /** Writes the fonts from their CID tables, ends the document and returns its bytes. */
  async end(tables: readonly FontTable[]): Promise<Buffer> {
    for (const t of tables) this.font(t).finish(t.table);
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }

  private font(use: FontUse): PdfFontObject {
    let f = this.fonts.get(use.id);
    if (!f) {
      const face = this.faceFor(use.key);
      // TrueType outlines: subset by zuban; CFF (.otf): by pdfkit, through fontkit
      f = face.sfnt?.hasGlyf ? new SubsetFont(this.doc, use.id, face.sfnt) : new EmbeddedFont(this.doc, use.key, face.font);
      this.fonts.set(use.id, f);
    }
    return f;
  }
}

/**
 * The page's content stream, complete once its images are placed, deflated here at zlib
 * level 1 like the fonts (pdfkit's level 6 costs twice the time for ~5 % fewer bytes); a
 * stream that names its filter pdfkit writes as it is. Nothing is added to a page's
 * content after this.
 */
function packContent(doc: PDFKit.PDFDocument): void {
  const content = (doc as unknown as { page: { content: { data: Record<string, unknown>; compress: boolean; buffer: Uint8Array[] } } }).page.content;
  if (!content.compress || !content.buffer.length) return;
  const packed = fastDeflate(Buffer.concat(content.buffer));
  content.compress = false;
  content.buffer = [packed];
  content.data.Filter = 'FlateDecode';
  content.data.Length = packed.length;
}
