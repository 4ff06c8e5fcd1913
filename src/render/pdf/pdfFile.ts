/**
 * The PDF file: pages whose content streams are already built (pageContent.ts), their
 * JPEG images, and after the last page the fonts' subsets from their CID tables (SubsetFont),
 * written as PDF objects by zuban (pdfObjects.ts) — no PDF library is loaded.
 *
 * Extensions (PDF/A for the archive, PDF/X for the printer) add to what is written through
 * `PdfInfo.extend`: entries of the catalog and the document information, and of each page
 * dictionary (TrimBox, BleedBox …), with `objects` to make the streams they point to.
 */
import fs from 'node:fs';
import { UserError } from '../../diagnostic.js';
import type { FontFace } from '../../fonts/fontBook.js';
import type { CidTable } from './cidMap.js';
import type { FontUse, PageContent } from './pageContent.js';
import { jpegInfo, PdfObjects, type PdfRef } from './pdfObjects.js';
import { SubsetFont, type PdfFontObject } from './subsetFont.js';

export { fastDeflate } from './pdfObjects.js';

/** What a PDF/A or PDF/X writer adds to the file. */
export interface PdfExtension {
  /** Entries of the catalog (OutputIntents, Metadata …) and of the document information. */
  catalog?(objects: PdfObjects): Record<string, unknown>;
  info?(objects: PdfObjects): Record<string, unknown>;
  /** Entries of each page dictionary (TrimBox, BleedBox …). */
  page?(size: { width: number; height: number }, objects: PdfObjects): Record<string, unknown>;
}

/** What the document says of itself. */
export interface PdfInfo {
  title: string;
  /** Creation date; a fixed one (FIXED_DATE) keeps equal input byte-equal. */
  date?: Date;
  /** Deflate content streams and fonts (default true). */
  compress?: boolean;
  /** PDF version (default 1.7). */
  version?: string;
  extend?: PdfExtension;
}

/** The CIDs each font ended with, for writing the fonts. */
export interface FontTable extends FontUse {
  table: CidTable;
}

/** A fixed date for reproducible PDFs when none is given. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

export class PdfFile {
  private readonly objects: PdfObjects;
  private readonly pages: PdfRef;
  private readonly kids: PdfRef[] = [];
  private readonly fonts = new Map<string, PdfFontObject>();
  /** Image XObjects by file, so a picture placed twice is embedded once. */
  private readonly images = new Map<string, { ref: PdfRef; name: string }>();

  constructor(
    private readonly info: PdfInfo,
    /** The face of a font id (the subset is cut from its file). */
    private readonly faceFor: (key: string) => FontFace,
  ) {
    this.objects = new PdfObjects(info.compress ?? true, info.version);
    this.pages = this.objects.ref({ Type: 'Pages' });
  }

  /** Adds a page: its content stream (drawn top-down: the CTM is flipped first), the fonts it names, its images. */
  addPage(page: PageContent, fileOf: (asset: string) => string): void {
    const o = this.objects;
    const fonts: Record<string, PdfRef> = {};
    for (const f of page.fonts) fonts[f.id] = this.font(f).ref as PdfRef;
    const xobjects: Record<string, PdfRef> = {};
    let ops = `1 0 0 -1 0 ${page.height} cm\n${page.ops}\n`;
    for (const im of page.images) {
      const x = this.image(fileOf(im.asset));
      xobjects[x.name] = x.ref;
      // upright in the flipped space: the unit square scaled to the box, its top at y
      ops += `q\n${num(im.w)} 0 0 ${num(-im.h)} ${num(im.x)} ${num(im.y + im.h)} cm\n/${x.name} Do\nQ\n`;
    }
    const content = o.ref();
    content.end(Buffer.from(ops, 'latin1'));
    const resources: Record<string, unknown> = { ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'], Font: fonts };
    if (page.images.length) resources.XObject = xobjects;
    const dict = o.ref({
      Type: 'Page', Parent: this.pages, MediaBox: [0, 0, page.width, page.height], Contents: content, Resources: resources,
      ...this.info.extend?.page?.({ width: page.width, height: page.height }, o),
    });
    dict.end();
    this.kids.push(dict);
  }

  /** Writes the fonts from their CID tables, the page tree, the catalog and the trailer. */
  async end(tables: readonly FontTable[]): Promise<Buffer> {
    const o = this.objects;
    for (const t of tables) this.font(t).finish(t.table);
    this.pages.data = { Type: 'Pages', Count: this.kids.length, Kids: this.kids };
    this.pages.end();
    const date = this.info.date ?? FIXED_DATE;
    const info = o.ref({
      Title: new String(this.info.title), Producer: new String('zuban'), Creator: new String('zuban'), CreationDate: date, ModDate: date,
      ...this.info.extend?.info?.(o),
    });
    info.end();
    const catalog = o.ref({ Type: 'Catalog', Pages: this.pages, ...this.info.extend?.catalog?.(o) });
    catalog.end();
    return o.finish(catalog, info);
  }

  private font(use: FontUse): PdfFontObject {
    let f = this.fonts.get(use.id);
    if (!f) {
      const face = this.faceFor(use.key);
      if (!face.sfnt?.hasGlyf) throw new UserError(`fonts/fonts.json: ${use.key}: ${face.file} has CFF outlines; zuban embeds TrueType (glyf) fonts — use the font's TrueType build`);
      f = new SubsetFont(this.objects, use.id, face.sfnt);
      this.fonts.set(use.id, f);
    }
    return f;
  }

  private image(file: string): { ref: PdfRef; name: string } {
    let x = this.images.get(file);
    if (!x) {
      const bytes = fs.readFileSync(file);
      let info: ReturnType<typeof jpegInfo>;
      try {
        info = jpegInfo(bytes);
      } catch (err) {
        throw new UserError(`${file}: ${(err as Error).message} (the PDF embeds prepared JPEG files)`);
      }
      const space = info.components === 1 ? 'DeviceGray' : info.components === 4 ? 'DeviceCMYK' : 'DeviceRGB';
      const ref = this.objects.ref({
        Type: 'XObject', Subtype: 'Image', Width: info.width, Height: info.height, ColorSpace: space, BitsPerComponent: 8, Filter: 'DCTDecode',
        // Adobe's CMYK JPEGs store the inks inverted
        ...(info.components === 4 && info.adobe ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
      });
      ref.end(bytes);
      x = { ref, name: `I${this.images.size + 1}` };
      this.images.set(file, x);
    }
    return x;
  }
}

const num = (v: number) => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};
