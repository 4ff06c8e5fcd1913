/**
 * Where pdf.js puts each glyph of a PDF page: the content stream replayed from its
 * operator list (text matrix, font size, TJ offsets, the glyph widths pdf.js read from
 * the font's W array), in the page tree's coordinates (pt, origin top-left, y down).
 * An independent reading of the PDF, for checking ALTO boxes against it.
 */
import fs from 'node:fs';
import { loadPdfJs } from '../../src/render/preview/rasterForm.js';

export interface PdfGlyph {
  ch: string;
  x: number;
  /** Width (the glyph's W width × size). */
  w: number;
  baseline: number;
  /** Drawn inside a form XObject (a placed PDF: an advertisement), not by the page's own text. */
  inForm?: boolean;
}

type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];

/** Each page's glyphs, in content-stream order, and its text as pdf.js extracts it. */
export async function pdfGlyphs(file: string): Promise<{ glyphs: PdfGlyph[]; text: string; height: number }[]> {
  const lib = await loadPdfJs();
  const { OPS } = lib;
  const doc = await lib.getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const out: { glyphs: PdfGlyph[]; text: string; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , , H] = page.view;
    const ops = await page.getOperatorList();
    const glyphs: PdfGlyph[] = [];
    let ctm: M = [1, 0, 0, 1, 0, 0];
    const stack: M[] = [];
    let tm: M = [1, 0, 0, 1, 0, 0];
    let size = 0;
    let forms = 0;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.paintFormXObjectBegin) {
        forms++;
        stack.push(ctm);
        if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = mul(Array.from(args[0] as ArrayLike<number>) as M, ctm);
      } else if (fn === OPS.paintFormXObjectEnd) {
        forms--;
        ctm = stack.pop() ?? ctm;
      } else if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = mul(Array.from(args as ArrayLike<number>) as M, ctm);
      else if (fn === OPS.setFont) size = args[1] as number;
      else if (fn === OPS.setTextMatrix) tm = Array.from((typeof args[0] === 'object' ? args[0] : args) as ArrayLike<number>) as M;
      else if (fn === OPS.showText) {
        for (const g of args[0] as (number | { unicode: string; width: number })[]) {
          if (typeof g === 'number') {
            tm = mul([1, 0, 0, 1, (-g / 1000) * size, 0], tm);
            continue;
          }
          const w = (g.width / 1000) * size;
          const o = mul(tm, ctm);
          // device y is up: the page tree's y is down
          glyphs.push({ ch: g.unicode, x: o[4], w: w * o[0], baseline: H - o[5], ...(forms ? { inForm: true } : {}) });
          tm = mul([1, 0, 0, 1, w, 0], tm);
        }
      }
    }
    const tc = await page.getTextContent();
    const text = tc.items.map((it) => ('str' in it ? it.str : '')).join('');
    out.push({ glyphs, text, height: H });
  }
  await doc.destroy();
  return out;
}
