import type { DocumentFrame, PageFrame } from '../../frame/types.js';
import type { FontFace } from '../../fonts/fontBook.js';
import { CidMap } from './cidMap.js';
import type { FontTable, PdfFile } from './pdfFile.js';
import { pageContent } from './pageContent.js';

export interface RenderOptions {
  /** The face of a font key of the page tree (the renderer embeds, never measures). */
  faceFor: (key: string) => FontFace;
  /** Fixed creation date, so equal input gives byte-equal output. */
  date?: Date;
  /** Deflate content streams (default true). */
  compress?: boolean;
}

/**
 * Draws page trees into one PDF, a page at a time: each page's content stream is built
 * (pageContent) and handed to pdfkit (PdfFile) as soon as the page is given, so a long
 * document's pages need not all be held; the fonts are written after the last page.
 */
export class PdfWriter {
  /** By font key, and by font file (see cidMap). */
  private readonly maps = new Map<string, CidMap>();
  private readonly byFile = new Map<string, CidMap>();

  private constructor(
    private readonly file: PdfFile,
    private readonly faceFor: (key: string) => FontFace,
  ) {}

  static async open(title: string, opts: RenderOptions): Promise<PdfWriter> {
    // pdfkit is loaded when the first PDF is written, not with the modules that import this one
    const { PdfFile } = await import('./pdfFile.js');
    return new PdfWriter(new PdfFile({ title, date: opts.date, compress: opts.compress }, opts.faceFor), opts.faceFor);
  }

  page(page: PageFrame): void {
    this.file.addPage(pageContent(page, (key) => this.cidMap(key)));
  }

  finish(): Promise<Buffer> {
    const tables: FontTable[] = [...this.byFile.values()].map((m) => ({ id: m.id, key: m.key, table: m.table }));
    return this.file.end(tables);
  }

  /**
   * The CIDs of a font key's file. Keys (roles) that name the same file share one map, one
   * resource and one embedded font: pdfkit itself merges two registrations of one font.
   */
  private cidMap(key: string): CidMap {
    let m = this.maps.get(key);
    if (!m) {
      const face = this.faceFor(key);
      m = this.byFile.get(face.file);
      if (!m) {
        m = new CidMap(`Z${this.byFile.size + 1}`, key, face.glyphAdvance(0) * 1000);
        this.byFile.set(face.file, m);
      }
      this.maps.set(key, m);
    }
    return m;
  }
}

/** Draws a document frame into a PDF and returns its bytes. */
export async function renderPdf(frame: DocumentFrame, opts: RenderOptions): Promise<Buffer> {
  const writer = await PdfWriter.open(frame.title, opts);
  for (const page of frame.pages) writer.page(page);
  return writer.finish();
}
