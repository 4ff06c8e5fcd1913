/**
 * A page of the page tree as a PDF content stream: rules and boxes, then all text in one
 * BT … ET block, glyphs named by CID (CidMap). Plain strings and numbers out, so the PDF
 * file itself can be written on another thread (pdfFile.ts, pdfThread.ts).
 */
import type { GlyphRun, PageFrame } from '../../frame/types.js';
import type { CidMap } from './cidMap.js';

/** A font the operators select: its resource name and its key (role) in fonts.json. */
export interface FontUse {
  id: string;
  key: string;
}

export interface PageContent {
  width: number;
  height: number;
  /** Content-stream operators, ASCII. */
  ops: string;
  /** The fonts the operators select. */
  fonts: FontUse[];
  /** Images, drawn after the operators (pdfkit places them). */
  images: { file: string; x: number; y: number; w: number; h: number }[];
}

const num = (v: number) => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** The content of a page; `fontFor` gives the CidMap of a font key (it keeps the CIDs across pages). */
export function pageContent(page: PageFrame, fontFor: (key: string) => CidMap): PageContent {
  const ops: string[] = [];
  const images: PageContent['images'] = [];
  for (const item of page.items) {
    if (item.kind === 'rule') {
      ops.push(`${num(item.width)} w 0 G ${num(item.x1)} ${num(item.y1)} m ${num(item.x2)} ${num(item.y2)} l S`);
    } else if (item.kind === 'box') {
      const fill = item.fill !== undefined ? `${num(item.fill)} g ` : '';
      const paint = item.fill !== undefined ? (item.stroke > 0 ? 'B' : 'f') : 'S';
      ops.push(`q ${fill}${num(item.stroke)} w 0 G ${num(item.x)} ${num(item.y)} ${num(item.w)} ${num(item.h)} re ${paint} Q`);
    } else if (item.kind === 'image') {
      images.push({ file: item.file, x: item.x, y: item.y, w: item.w, h: item.h });
    }
  }
  // Text in one BT … ET block: page coordinates are top-down (pdfkit flips the CTM), so
  // each line's text matrix flips back (d = −1) to draw glyphs upright.
  ops.push('BT');
  const fonts = new Map<string, FontUse>();
  let curFont = '';
  let curSize = -1;
  let curGrey = 0;
  for (const item of page.items) {
    if (item.kind !== 'glyphs') continue;
    const font = fontFor(item.font);
    if (!fonts.has(font.id)) fonts.set(font.id, { id: font.id, key: font.key });
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
  return { width: page.width, height: page.height, ops: ops.join('\n'), fonts: [...fonts.values()], images };
}

/**
 * The TJ array of a run: glyph CIDs, with a kerning number wherever the layout moved a
 * glyph away from where its natural advance would put it (stretch). A glyph the layout
 * compressed — the next glyph, or the line's end, comes before its natural advance ends —
 * is drawn through a narrower CID (see CidMap.narrowCid), so its box is its place.
 */
function tjArray(run: GlyphRun, font: CidMap): string {
  const k = 1000 / run.size;
  const n = run.xs.length;
  let out = '[<';
  let pen = run.xs[0] ?? 0;
  const text = run.text;
  let at = 0; // code unit of glyph i in text
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(at)!;
    at += cp > 0xffff ? 2 : 1;
    const x = run.xs[i];
    const gap = x - pen;
    if (gap > 0.0005 || gap < -0.0005) out += `> ${num(-gap * k)} <`;
    const natural = run.advs[i];
    const room = i + 1 < n ? run.xs[i + 1] - x : run.width - x;
    if (room < natural - 0.01 && room > 0.25 * natural) {
      out += font.narrowCid(run.gids[i], room * k, cp);
      pen = x + room;
    } else {
      out += font.cid(run.gids[i], natural * k, cp);
      pen = x + natural;
    }
  }
  return out + '>]';
}
