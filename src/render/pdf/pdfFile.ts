/**
 * The PDF file: pages whose content streams are already built (pageContent.ts, or the
 * archive's own drawer), their images, forms and Separation colour spaces, and after the
 * last page the fonts' subsets from their CID tables (SubsetFont) — written as PDF objects
 * by zuban (pdfObjects.ts); no PDF library is loaded.
 *
 * PDF/X (src/print/pdfx.ts, `pdfx`) and PDF/A (src/archive/pdfa.ts, `extend`) add to what
 * is written: the header's version, entries of Info and the catalog (output intents, XMP
 * metadata, page labels), each page's boxes, resources and first operators.
 */
import fs from 'node:fs';
import { UserError } from '../../diagnostic.js';
import type { SfntMetrics } from '../../fonts/sfntMetrics.js';
import { beginPdfx, pdfxDocumentOptions, type Pdfx, type PdfxSetup } from '../../print/pdfx.js';
import type { CidTable } from './cidMap.js';
import type { FontUse, PageContent } from './pageContent.js';
import { addExtras, type Extras } from './pageExtras.js';
import { fastDeflate, imageXObject, PdfObjects, type PdfExtension, type PdfRef, type RawImage } from './pdfObjects.js';
import { SubsetFont, type PdfFontObject } from './subsetFont.js';

export { fastDeflate } from './pdfObjects.js';

/** What the document says of itself. */
export interface PdfInfo {
  title: string;
  /** Creation date; a fixed one (FIXED_DATE) keeps equal input byte-equal. */
  date?: Date;
  /** Deflate content streams and fonts (default true). */
  compress?: boolean;
  /** Write PDF/X (src/print/pdfx.ts): output intent, Info keys, boxes, subset tags. */
  pdfx?: PdfxSetup;
  /** Any other extension (PDF/A). */
  extend?: PdfExtension;
  /** Colour spaces added to every imported form's resources (PDF/A's DefaultCMYK), made once in the file. */
  formColorSpaces?: (o: PdfObjects) => Record<string, unknown>;
  /**
   * Deflated content streams by their operators, shared by the files that draw the same
   * page (the archive's page PDF and its e-paper): each deflated once.
   */
  contents?: Map<string, Buffer>;
}

/** The CIDs each font ended with, for writing the fonts. */
export interface FontTable extends FontUse {
  table: CidTable;
  /** The CIDs this file draws, ascending, 0 first, when it draws only some of the table's (SubsetFont.finish). */
  used?: readonly number[];
}

/** A font file as the writer embeds it: a TrueType (glyf) font. */
export interface FontSource {
  file: string;
  sfnt?: SfntMetrics;
}

/** An image to place: a JPEG file's path, JPEG bytes, or raw pixels. */
export type ImageSource = string | Uint8Array | RawImage;

/** A page's content with images the operators draw themselves (`/Im1 Do`), by resource name. */
export interface PageIn extends PageContent {
  xobjects?: Record<string, PdfRef>;
}

/** A fixed date for reproducible PDFs when none is given. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const PROCSET = ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'];

export class PdfFile {
  readonly objects: PdfObjects;
  private readonly pages: PdfRef;
  private readonly kids: PdfRef[] = [];
  private readonly fonts = new Map<string, PdfFontObject>();
  /** Image XObjects by file (or bytes), so a picture placed twice is embedded once. */
  private readonly images = new Map<unknown, { ref: PdfRef; name: string }>();
  /** Forms and Separation colour spaces written so far (each once per file). */
  private readonly extras: Extras;
  /** PDF/X state, when writing for the press. */
  readonly pdfx?: Pdfx;
  private readonly ext?: PdfExtension;

  constructor(
    private readonly info: PdfInfo,
    /** The font file of a font key (the subset is cut from it). */
    private readonly fontFor: (key: string) => FontSource,
  ) {
    const version = info.pdfx ? pdfxDocumentOptions(info.pdfx.cond).pdfVersion : (info.extend?.pdfVersion ?? '1.7');
    this.objects = new PdfObjects(info.compress ?? true, version);
    this.pages = this.objects.ref({ Type: 'Pages' });
    if (info.pdfx) this.ext = this.pdfx = beginPdfx(this.objects, info.pdfx);
    else this.ext = info.extend;
    this.extras = { forms: new Map(), spots: new Map(), formColorSpaces: info.formColorSpaces?.(this.objects) };
  }

  /**
   * Adds a page: its content stream (drawn top-down: the CTM is flipped first), the fonts
   * it names, its forms and spots, then its images.
   */
  addPage(page: PageIn, imageOf: (asset: string) => ImageSource, formFileOf?: (asset: string) => { file: string; page: number }): void {
    const o = this.objects;
    const setup = this.ext?.page?.({ width: page.width, height: page.height, trim: page.trim }) ?? { width: page.width, height: page.height };
    const fonts: Record<string, PdfRef> = {};
    for (const f of page.fonts) fonts[f.id] = this.font(f).ref;
    const xobjects: Record<string, unknown> = { ...page.xobjects };
    const colorSpaces: Record<string, unknown> = { ...setup.resources?.ColorSpace };
    if (page.forms?.length || page.spots?.length) addExtras(o, page, this.extras, { XObject: xobjects, ColorSpace: colorSpaces }, formFileOf);
    let ops = `1 0 0 -1 0 ${num(setup.height)} cm\n${setup.before ?? ''}${page.ops}\n`;
    for (const im of page.images) {
      const x = this.image(imageOf(im.asset));
      xobjects[x.name] = x.ref;
      // upright in the flipped space: the unit square scaled to the box, its top at y
      ops += `q\n${num(im.w)} 0 0 ${num(-im.h)} ${num(im.x)} ${num(im.y + im.h)} cm\n/${x.name} Do\nQ\n`;
    }
    const content = o.ref();
    const shared = o.compress ? this.info.contents : undefined;
    if (shared) {
      let packed = shared.get(ops);
      if (!packed) shared.set(ops, (packed = fastDeflate(Buffer.from(ops, 'latin1'))));
      content.data = { Filter: 'FlateDecode' };
      content.end(packed);
    } else content.end(Buffer.from(ops, 'latin1'));
    const resources: Record<string, unknown> = { ProcSet: PROCSET, Font: fonts };
    if (Object.keys(xobjects).length) resources.XObject = xobjects;
    if (Object.keys(colorSpaces).length) resources.ColorSpace = colorSpaces;
    if (setup.resources?.ExtGState) resources.ExtGState = setup.resources.ExtGState;
    const dict = o.ref({ Type: 'Page', Parent: this.pages, MediaBox: [0, 0, setup.width, setup.height], Contents: content, Resources: resources, ...setup.entries });
    dict.end();
    this.kids.push(dict);
  }

  /** The image XObject of a source, written once per file; its resource name is `Im<n>`. */
  image(src: ImageSource): { ref: PdfRef; name: string } {
    let x = this.images.get(src);
    if (!x) {
      let ref: PdfRef;
      const bytes = typeof src === 'string' ? fs.readFileSync(src) : src;
      try {
        ref = imageXObject(this.objects, bytes);
      } catch (err) {
        throw new UserError(`${typeof src === 'string' ? src : 'image'}: ${(err as Error).message} (the PDF embeds JPEG and PNG files)`);
      }
      x = { ref, name: `Im${this.images.size + 1}` };
      this.images.set(src, x);
    }
    return x;
  }

  /** Writes the fonts from their CID tables, the page tree, Info, the catalog and the trailer. */
  async end(tables: readonly FontTable[]): Promise<Buffer> {
    const o = this.objects;
    for (const t of tables) this.font(t).finish(t.table, t.used);
    this.pages.data = { Type: 'Pages', Count: this.kids.length, Kids: this.kids };
    this.pages.end();
    const date = this.info.date ?? FIXED_DATE;
    let infoData: Record<string, unknown> = { Producer: new String('zuban'), Creator: new String('zuban'), CreationDate: date, ModDate: date, Title: new String(this.info.title) };
    if (this.ext?.info) infoData = this.ext.info(infoData);
    const info = o.ref(infoData);
    info.end();
    const catalog = o.ref({ Type: 'Catalog', Pages: this.pages, ...this.ext?.catalog?.(o, infoData) });
    catalog.end();
    return o.finish(catalog, info);
  }

  private font(use: FontUse): PdfFontObject {
    let f = this.fonts.get(use.id);
    if (!f) {
      const face = this.fontFor(use.key);
      if (!face.sfnt?.hasGlyf) throw new UserError(`fonts/fonts.json: ${use.key}: ${face.file} has CFF outlines; zuban embeds TrueType (glyf) fonts — use the font's TrueType build`);
      f = new SubsetFont(this.objects, use.id, face.sfnt);
      this.fonts.set(use.id, f);
    }
    return f;
  }
}

/** Numbers of the page's own operators (the flip, image placement) to 6 decimals, as a PDF object's. */
const num = (v: number) => {
  const r = Math.round(v * 1e6) / 1e6;
  return Object.is(r, -0) ? '0' : String(r);
};
