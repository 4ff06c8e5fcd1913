import path from 'node:path';
import type { Document, FontRef, Page } from '../../frame/types.js';
import type { FontFace } from '../../fonts/fontBook.js';
import type { PdfxSetup } from '../../print/pdfx.js';
import { CidMap } from './cidMap.js';
import type { FontTable, PdfFile } from './pdfFile.js';
import { pageContent } from './pageContent.js';

export interface RenderOptions {
  /** The face of a document font (the renderer embeds it, never measures with it). */
  openFont: (ref: Pick<FontRef, 'role' | 'file'>) => FontFace;
  /** The folder the document's asset files are relative to (the build's output folder). */
  assetDir?: string;
  /** Fixed creation date, so equal input gives byte-equal output. */
  date?: Date;
  /** Deflate content streams (default true). */
  compress?: boolean;
  /**
   * PDF/X for the press (src/print/pdfx.ts); its seed is completed with the document's title,
   * so each file's subset tags are its own. The photos are `pressFiles`' files.
   */
  pdfx?: Omit<PdfxSetup, 'title' | 'spots'>;
  /** The printed file of an asset (CMYK/grey from src/print/cmykPhotos.ts), path relative to assetDir. */
  pressFiles?: Record<string, string>;
}

/** What the writer needs of a document before its pages: title, fonts, assets, spots. */
export interface DocumentHead extends Pick<Document, 'title' | 'assets' | 'spots' | 'forms'>, Partial<Pick<Document, 'meta'>> {
  fonts: Record<string, Pick<FontRef, 'role' | 'file'>>;
}

/**
 * Draws page trees into one PDF, a page at a time: each page's content stream is built
 * (pageContent) and handed to the file (PdfFile) as soon as the page is given, so a long
 * document's pages need not all be held; the fonts are written after the last page.
 */
export class PdfWriter {
  /** By font id, and by font file (see cidMap). */
  private readonly maps = new Map<string, CidMap>();
  private readonly byFile = new Map<string, CidMap>();

  private constructor(
    private readonly file: PdfFile,
    private readonly doc: DocumentHead,
    private readonly faceOf: (id: string) => FontFace,
    private readonly assetDir: string,
    private readonly pressFiles?: Record<string, string>,
  ) {}

  static async open(doc: DocumentHead, opts: RenderOptions): Promise<PdfWriter> {
    // the file writer is loaded when the first PDF is written, not with the modules that import this one
    const { PdfFile } = await import('./pdfFile.js');
    const faces = new Map<string, FontFace>();
    const faceOf = (id: string) => {
      let f = faces.get(id);
      if (!f) {
        const ref = doc.fonts[id];
        if (!ref) throw new Error(`page tree names font '${id}', which its fonts table lacks`);
        faces.set(id, (f = opts.openFont(ref)));
      }
      return f;
    };
    const pdfx = opts.pdfx ? { ...opts.pdfx, title: doc.title, seed: `${opts.pdfx.seed}/${doc.title}`, spots: doc.spots } : undefined;
    return new PdfWriter(new PdfFile({ title: doc.title, date: opts.date ?? editionDate(doc), compress: opts.compress, pdfx }, faceOf), doc, faceOf, opts.assetDir ?? '.', opts.pressFiles);
  }

  page(page: Page): void {
    const c = pageContent(page, (id) => this.cidMap(id), this.doc.spots, this.file.pdfx?.colour, (asset) => this.doc.forms?.[asset]?.box);
    this.file.addPage(c, (asset) => {
      const a = this.doc.assets[asset];
      if (!a) throw new Error(`page ${page.label} places asset '${asset}', which the assets table lacks`);
      return path.resolve(this.assetDir, this.pressFiles?.[asset] ?? a.file);
    }, (asset) => {
      const f = this.doc.forms?.[asset];
      if (!f) throw new Error(`page ${page.label} places form '${asset}', which the forms table lacks`);
      return { file: path.resolve(this.assetDir, f.file), page: f.page };
    });
  }

  finish(): Promise<Buffer> {
    const tables: FontTable[] = [...this.byFile.values()].map((m) => ({ id: m.id, key: m.key, table: m.table }));
    return this.file.end(tables);
  }

  /**
   * The CIDs of a font id's file. Fonts that name the same file share one map, one
   * resource and one embedded font.
   */
  private cidMap(id: string): CidMap {
    let m = this.maps.get(id);
    if (!m) {
      const face = this.faceOf(id);
      m = this.byFile.get(face.file);
      if (!m) {
        m = new CidMap(`Z${this.byFile.size + 1}`, id, face.glyphAdvance(0) * 1000);
        this.byFile.set(face.file, m);
      }
      this.maps.set(id, m);
    }
    return m;
  }
}

/** Draws a document into one PDF and returns its bytes. */
export async function renderPdf(doc: Document, opts: RenderOptions): Promise<Buffer> {
  const writer = await PdfWriter.open(doc, opts);
  for (const page of doc.pages) writer.page(page);
  return writer.finish();
}

/** A one-page document of the same head, for the per-page PDFs. */
export function onePage(doc: Document, page: Page): Document {
  return { ...doc, title: `${doc.title} ${page.label}`, pages: [page] };
}

/** The edition's date at noon UTC, as the archive's PDFs carry it (reproducible: no clock read). */
function editionDate(doc: DocumentHead): Date | undefined {
  const d = new Date(`${doc.meta?.date?.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
