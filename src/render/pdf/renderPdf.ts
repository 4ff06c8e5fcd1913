import zlib from 'node:zlib';
import type PDFKitDocument from 'pdfkit';
import { deferModule, requireCjs } from '../../fonts/deferModule.js';
import type { DocumentFrame, GlyphRun, PageFrame } from '../../frame/types.js';
import type { FontFace } from '../../fonts/fontBook.js';
import { EmbeddedFont, writeContent } from './embeddedFont.js';
import { SubsetFont, type PdfFont } from './subsetFont.js';

export interface RenderOptions {
  /** The face of a font key of the page tree (the renderer embeds, never measures). */
  faceFor: (key: string) => FontFace;
  /** Fixed creation date, so equal input gives byte-equal output. */
  date?: Date;
  /** Deflate content streams (default true). */
  compress?: boolean;
}

// pdfkit from its CommonJS build, without what zuban does not use of it: its own text
// wrapping (linebreak), the AES of PDF encryption, its PNG decoder, and fontkit, which it
// needs only for CFF fonts (see SubsetFont) — FontBook opens fontkit itself when a preview or a CFF
// font asks for it.
deferModule(requireCjs.resolve('pdfkit'), 'linebreak');
deferModule(requireCjs.resolve('pdfkit'), '@noble/ciphers/aes');
deferModule(requireCjs.resolve('pdfkit'), 'fontkit');
deferModule(requireCjs.resolve('pdfkit'), 'png-js'); // PNG images only: photos are JPEG
const PDFDocument = requireCjs('pdfkit') as typeof PDFKitDocument;

/** A fixed date for reproducible PDFs: the epoch of the edition if none is given. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

/** Draws a document frame into a PDF and returns its bytes. */
export async function renderPdf(frame: DocumentFrame, opts: RenderOptions): Promise<Buffer> {
  const date = opts.date ?? FIXED_DATE;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: opts.compress ?? true,
    pdfVersion: '1.7',
    // No default Helvetica: it is never drawn, and loading its metrics costs every document.
    font: null as unknown as string,
    info: { Title: frame.title, Producer: 'zuban', Creator: 'zuban', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const fonts = new Map<string, PdfFont>();
  const fontOf = (key: string) => {
    let f = fonts.get(key);
    if (!f) {
      const face = opts.faceFor(key);
      // TrueType outlines: subset by zuban; CFF (.otf): by pdfkit, through fontkit
      f = face.sfnt?.hasGlyf ? new SubsetFont(doc, `Z${fonts.size + 1}`, face.sfnt) : new EmbeddedFont(doc, key, face.font);
      fonts.set(key, f);
    }
    return f;
  };
  fastDeflate(() => {
    for (const page of frame.pages) {
      doc.addPage({ size: [page.width, page.height], margin: 0 });
      drawPage(doc, page, fontOf);
    }
    for (const f of fonts.values()) f.finish();
    doc.end();
  });
  await done;
  return Buffer.concat(chunks);
}

/**
 * Runs `fn` (pdfkit's synchronous page and document ends, where it deflates every stream)
 * with zlib at level 1 instead of its default 6: twice as fast on the font subsets, which
 * are most of each PDF's bytes, for files about 5 % larger. pdfkit takes no level option,
 * so its one call, `zlib.deflateSync(data)`, is redirected for the duration.
 */
function fastDeflate(fn: () => void): void {
  const original = zlib.deflateSync;
  zlib.deflateSync = ((data: zlib.InputType, options?: zlib.ZlibOptions) => original(data, { level: 1, ...options })) as typeof zlib.deflateSync;
  try {
    fn();
  } finally {
    zlib.deflateSync = original;
  }
}

const num = (v: number) => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

function drawPage(doc: PDFKit.PDFDocument, page: PageFrame, fontOf: (k: string) => PdfFont): void {
  const ops: string[] = [];
  for (const item of page.items) {
    if (item.kind === 'rule') {
      ops.push(`${num(item.width)} w 0 G ${num(item.x1)} ${num(item.y1)} m ${num(item.x2)} ${num(item.y2)} l S`);
    } else if (item.kind === 'box') {
      const fill = item.fill !== undefined ? `${num(item.fill)} g ` : '';
      const paint = item.fill !== undefined ? (item.stroke > 0 ? 'B' : 'f') : 'S';
      ops.push(`q ${fill}${num(item.stroke)} w 0 G ${num(item.x)} ${num(item.y)} ${num(item.w)} ${num(item.h)} re ${paint} Q`);
    }
  }
  // Text in one BT … ET block: page coordinates are top-down (pdfkit flips the CTM), so
  // each line's text matrix flips back (d = −1) to draw glyphs upright.
  ops.push('BT');
  let curFont = '';
  let curSize = -1;
  let curGrey = 0;
  for (const item of page.items) {
    if (item.kind !== 'glyphs') continue;
    const font = fontOf(item.font);
    font.useOn(doc);
    if (font.id !== curFont || item.size !== curSize) {
      ops.push(`/${font.id} ${num(item.size)} Tf`);
      curFont = font.id;
      curSize = item.size;
    }
    const grey = item.grey ?? 0;
    if (grey !== curGrey) {
      ops.push(`${num(grey)} g`);
      curGrey = grey;
    }
    ops.push(`1 0 0 -1 ${num(item.x + (item.xs[0] ?? 0))} ${num(item.y)} Tm ${tjArray(item, font)} TJ`);
  }
  ops.push('ET');
  writeContent(doc, ops.join('\n'));
  for (const item of page.items) {
    if (item.kind === 'image') doc.image(item.file, item.x, item.y, { width: item.w, height: item.h });
  }
}

/**
 * The TJ array of a run: glyph CIDs, with a kerning number wherever the layout moved a
 * glyph away from where its natural advance would put it (stretch). A glyph the layout
 * compressed — the next glyph, or the line's end, comes before its natural advance ends —
 * is drawn through a narrower CID (see SubsetFont.narrowCid), so its box is its place.
 */
function tjArray(run: GlyphRun, font: PdfFont): string {
  const k = 1000 / run.size;
  const n = run.xs.length;
  let out = '[<';
  let pen = run.xs[0] ?? 0;
  let i = 0;
  for (const ch of run.text) {
    const x = run.xs[i];
    const gap = x - pen;
    if (gap > 0.0005 || gap < -0.0005) out += `> ${num(-gap * k)} <`;
    const natural = run.advs[i];
    const room = i + 1 < n ? run.xs[i + 1] - x : run.width - x;
    const cp = ch.codePointAt(0)!;
    if (room < natural - 0.01 && room > 0.25 * natural) {
      out += font.narrowCid(run.gids[i], room * k, cp);
      pen = x + room;
    } else {
      out += font.cid(run.gids[i], natural * k, cp);
      pen = x + natural;
    }
    i++;
  }
  return out + '>]';
}
