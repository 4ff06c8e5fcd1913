import type { Component } from '../../frame/types.js';
import type { PlacedLine } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { SizeSpec } from '../../model/schema/hao.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import type { SetLine } from '../../text/setLines.js';
import { placeLine } from '../placeLine.js';
import type { PageGrid } from './pageGrid.js';
import { textOptions } from './textOptions.js';

/** One headline component to set: its text, font role, allowed sizes (largest first) and line limit. */
export interface HeadPart {
  component: Component;
  text: string;
  font: string;
  sizes: SizeSpec[];
  /** Lines it may take at most before the size steps down. */
  maxLines: number;
  /** 长体/扁体 fixed by the article (percent), instead of the copyfit's. */
  scale?: number;
}

/** Copyfit of a headline component: the size used and whether it had to step down. */
export interface HeadFit {
  component: Component;
  size: number;
  /** Index into the allowed sizes (0 = the largest). */
  step: number;
  lines: number;
  maxLines: number;
  /** Lines beyond maxLines at the smallest allowed size. */
  over: number;
  chars: number;
  /** 长体/扁体: horizontal scale used, percent (100 = as designed). */
  scale: number;
}

export interface SetHeads {
  runs: PlacedLine[];
  /** Grid rows the heads take, the blank row after them included. */
  rows: number;
  fits: HeadFit[];
}

/**
 * Sets 引题/主题/副题 across a block, as a 飞腾 operator would (issue 11 item 5):
 * - a `|` or a line break in the source is a forced break; otherwise a line breaks only
 *   between phrases (source spaces, punctuation, jieba's word starts) and the lines are
 *   balanced (the breaker prices every ragged line alike);
 * - each part at the largest allowed 号 at which it takes no more than its line limit; but
 *   when the largest breaks a phrase that one 号 smaller keeps whole, the smaller is used;
 *   the smallest size is used (and the excess reported) when none fits;
 * - the lines of a part sit `typography.headPitch` × its size apart and the part takes whole
 *   grid rows, centred in them, so the body below stays on the page's baseline grid;
 * - centred by ink: an opening mark's empty left half and a closing mark's right half are
 *   trimmed before centring (clreq §3.1.6), so “…” heads do not sit off to one side.
 */
export function setHeads(parts: readonly HeadPart[], x: number, measure: number, firstRow: number, grid: PageGrid, fonts: FontBook, id: string, align: 'center' | 'left'): SetHeads {
  const t = grid.template;
  const opts = { ...textOptions(t, 'head', fonts.face(t.fonts.body)), lineEndHalf: true, indent: 0, measure, align, fallbacks: fonts.fallbacks() };
  const runs: PlacedLine[] = [];
  const fits: HeadFit[] = [];
  let row = firstRow;
  for (const part of parts) {
    const face = fonts.face(part.font);
    const segments = forcedSegments(part.text);
    // each segment's lines keep their glyphs' ranges in the whole head text; a scaled head
    // is set into the measure ÷ scale and its positions multiplied back (长体 narrows every
    // glyph alike, so the breaks are those of a wider column)
    const setAt = (size: number, scale = 100): SetLine[] =>
      segments.flatMap(({ text, start }) =>
        typesetParagraph([{ text, face }], { ...opts, measure: (measure * 100) / scale, size, where: `${id} ${part.component}` }).map((l) => scaled(shifted(l, start), scale / 100, measure)));
    const { size, step, scale, lines } = fitHead(part, segments.length, setAt, grid, t.copyfit.headScale[0]);
    const pitch = t.typography.headPitch * size;
    const n = lines.length;
    const rows = Math.max(1, Math.ceil(((n - 1) * pitch + size * 1.2) / grid.linePitch - 1e-9));
    // the ideographic em box's centre is 0.38 em above the baseline (0.88 − 0.5)
    const centre = grid.rowTop(row) + (rows * grid.linePitch) / 2 + 0.38 * size;
    lines.forEach((line, i) => {
      const placed = placeLine(line, x, centre + (i - (n - 1) / 2) * pitch, size, { id, component: part.component });
      if (scale !== 100) for (const r of placed.runs) r.scale = scale;
      runs.push(placed);
    });
    row += rows;
    fits.push({
      component: part.component, size, step, lines: n, maxLines: part.maxLines,
      over: Math.max(0, n - part.maxLines), chars: [...part.text.replace(/[|\n]/g, '')].length, scale,
    });
  }
  const rows = parts.length ? row - firstRow + 1 : 0;
  return { runs, rows, fits };
}

/** Steps of the 长体 copyfit, percent. */
const SCALE_STEP = 5;

/**
 * The copyfit of one head part: the largest allowed 号 at which it keeps to its line
 * limit; at each 号, before stepping down, the head is condensed (长体) in 5 % steps as far
 * as the template's `copyfit.headScale` allows. A head that breaks a phrase at its largest
 * 号 takes a condensed or one 号 smaller setting that keeps every forced line whole.
 */
function fitHead(part: HeadPart, forced: number, setAt: (size: number, scale?: number) => SetLine[], grid: PageGrid, minScale: number) {
  if (part.scale !== undefined) {
    // the article fixes the scale: only the size steps
    let step = 0;
    let lines = setAt(grid.size(part.sizes[0]), part.scale);
    while (lines.length > part.maxLines && step + 1 < part.sizes.length) lines = setAt(grid.size(part.sizes[++step]), part.scale);
    return { size: grid.size(part.sizes[step]), step, scale: part.scale, lines };
  }
  const condensed = (size: number, target: number) => {
    for (let sc = 100 - SCALE_STEP; sc >= minScale - 1e-9; sc -= SCALE_STEP) {
      const l = setAt(size, sc);
      if (l.length <= target) return { scale: sc, lines: l };
    }
    return undefined;
  };
  let step = 0;
  let size = grid.size(part.sizes[0]);
  let scale = 100;
  let lines = setAt(size);
  if (lines.length > forced) {
    const c = condensed(size, forced);
    if (c) ({ scale, lines } = c);
    else if (part.sizes.length > 1) {
      const smaller = setAt(grid.size(part.sizes[1]));
      if (smaller.length === forced) {
        step = 1;
        size = grid.size(part.sizes[1]);
        lines = smaller;
      }
    }
  }
  while (lines.length > part.maxLines) {
    const c = condensed(size, part.maxLines);
    if (c) {
      ({ scale, lines } = c);
      break;
    }
    if (step + 1 >= part.sizes.length) break;
    size = grid.size(part.sizes[++step]);
    scale = 100;
    lines = setAt(size);
  }
  return { size, step, scale, lines };
}

/** A line set into measure ÷ k, its positions and advances multiplied by k (k = scale ÷ 100). */
function scaled(line: SetLine, k: number, measure: number): SetLine {
  if (k === 1) return line;
  return {
    ...line, width: measure, used: line.used * k, adjust: line.adjust * k,
    runs: line.runs.map((r) => ({ ...r, xs: r.xs.map((x) => x * k), advs: r.advs.map((a) => a * k) })),
  };
}

/** A head's forced lines: the source's line breaks and `|` (a YAML block scalar keeps its newlines). */
export function forcedLines(text: string): string[] {
  return forcedSegments(text).map((s) => s.text);
}

/** The forced lines of a head with where each starts in its text (UTF-16). */
function forcedSegments(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const m of text.matchAll(/[^|\n]+/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ text: t, start: m.index! + lead });
  }
  return out.length ? out : [{ text, start: 0 }];
}

function shifted(line: SetLine, by: number): SetLine {
  if (!by) return line;
  line.start += by;
  line.end += by;
  for (const r of line.runs) for (let i = 0; i < r.ranges.length; i++) r.ranges[i] += by;
  return line;
}
