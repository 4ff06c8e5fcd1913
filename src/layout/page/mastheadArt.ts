import type { FontBook } from '../../fonts/fontBook.js';
import type { PdfArt, PngArt, SvgArt } from '../../content/readArt.js';
import type { Paint } from '../../frame/types.js';
import type { FrameItem, PlacedGraphic } from '../items.js';
import { placeLine } from '../placeLine.js';
import { setOneLine } from './composeArticle.js';
import type { PageGrid } from './pageGrid.js';

const SOURCE = { id: 'masthead', component: 'furniture' as const };

/** The asset id of PDF masthead art in Document.forms. */
export const MASTHEAD_FORM = 'masthead-art';

/**
 * 报头 art scaled to fit the band (x, y, w, h), proportions kept, centred: SVG paths filled
 * in the template's spot colour (a Separation in the PDF), a PNG's ink as a one-ink image
 * in that colour, or a PDF page as a form (its own colours).
 */
export function mastheadArt(art: SvgArt | PdfArt | PngArt, x: number, y: number, w: number, h: number, spot: string | undefined): PlacedGraphic[] {
  const [aw, ah] = art.kind === 'svg' ? [art.viewBox[2], art.viewBox[3]] : art.kind === 'png' ? [art.width, art.height] : [art.box[2] - art.box[0], art.box[3] - art.box[1]];
  const k = Math.min(w / aw, h / ah);
  const r = { x: round(x + (w - aw * k) / 2), y: round(y + (h - ah * k) / 2), w: round(aw * k), h: round(ah * k) };
  if (art.kind === 'pdf') return [{ kind: 'form', ...r, asset: MASTHEAD_FORM, source: SOURCE }];
  const fill: Paint = spot ? { spot, tint: 1 } : { gray: 0 };
  // a PNG: its ink coverage as a one-ink image in the spot colour
  if (art.kind === 'png') return [{ kind: 'mask', ...r, width: art.width, height: art.height, data: art.data, fill, source: SOURCE }];
  return [{ kind: 'path', ...r, viewBox: art.viewBox, d: art.d, fill, source: SOURCE }];
}

/** 报眼 — a ruled box with the edition's fields, label over value, on the band's grid lines. */
export function earBox(ear: readonly { label: string; value: string }[], x: number, w: number, grid: PageGrid, fonts: FontBook, font: string, size: number): FrameItem[] {
  const lines = grid.template.furniture.masthead.lines;
  const y0 = grid.rowTop(1) + grid.linePitch / 2;
  const y1 = grid.rowTop(lines) - 0.3 * grid.linePitch;
  const items: FrameItem[] = [{ kind: 'box', x: x + 0.5, y: y0, w: w - 1, h: y1 - y0, stroke: 0.75, source: { id: 'ear', component: 'furniture' } }];
  const rows = ear.length * 2;
  const first = 1 + Math.max(1, Math.floor((lines - 1 - rows) / 2));
  ear.forEach((f, i) => {
    const label = setOneLine(f.label, font, size, w - 2 * grid.charPt, 'center', grid, fonts, 'ear');
    items.push(placeLine(label, x + grid.charPt, grid.baseline(first + 2 * i), size, { id: 'ear', component: 'furniture' }));
    const value = setOneLine(f.value, fonts.has('heiMedium') ? 'heiMedium' : font, size, w - 2 * grid.charPt, 'center', grid, fonts, 'ear');
    items.push(placeLine(value, x + grid.charPt, grid.baseline(first + 2 * i + 1), size, { id: 'ear', component: 'furniture' }));
  });
  return items;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
