/**
 * Distribute notice blocks into the columns of a notices page, top to bottom and left to
 * right, never splitting a block (a company notice is never split across columns or
 * pages; a 遗失 item is too short to be worth it). A column never ends with a group
 * header (it keeps with its first notice).
 *
 * 1. How many blocks the page takes: greedy first fit, which places the longest prefix.
 * 2. Where the columns break: a partition of that prefix into at most `columns` runs,
 *    chosen by dynamic programming so that the worst column, after its gaps have taken
 *    their allowed stretch, falls short of the common bottom by as little as possible.
 *    When everything fits, the common bottom is the smallest height (in quarter lines)
 *    at which every column can be squared to within a line — the columns are balanced.
 * 3. Each column is squared by sharing its spare height among the gaps between blocks.
 *
 * Everything is counted in whole lines of the notices pitch (issue 11 item 9): a block
 * takes the lines its height rounds up to, a gap is whole lines, and squaring adds whole
 * lines to gaps, so every baseline of every column sits on one page grid and the columns
 * line up across the page; a column may then end up to a line short of the others.
 */
import type { NoticeStyle } from '../../notices/config.js';
import type { FlowBlock } from './setNoticeBlock.js';

/** A block placed in a column: `y` is its top below the columns' top, pt. */
export interface PlacedBlock {
  block: FlowBlock;
  column: number;
  y: number;
}

export interface FlowResult {
  /** Blocks placed, column by column. */
  placed: PlacedBlock[];
  /** Blocks that did not fit, in order (for the next notices page). */
  remaining: FlowBlock[];
  /** Bottom of each column's last block below the columns' top, pt (0 for an empty column). */
  bottoms: number[];
}

type Style = Pick<NoticeStyle, 'pitch' | 'itemGap' | 'groupGap' | 'maxStretch'>;

/** Space before a block that does not start a column: whole lines. */
function gapOf(b: FlowBlock, style: Style): number {
  return Math.ceil((b.kind === 'group' ? style.groupGap : style.itemGap) - 1e-6) * style.pitch;
}

/** The grid lines a block takes, in pt. */
function rowsOf(b: FlowBlock, style: Style): number {
  return Math.ceil(b.height / style.pitch - 1e-6) * style.pitch;
}

/** How many leading blocks fit in `columns` columns of height `h` (greedy, the most possible). */
function prefixThatFits(blocks: readonly FlowBlock[], columns: number, h: number, style: Style): number {
  let col = 1;
  let y = 0;
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    const top = y === 0;
    const next = blocks[i + 1];
    const keep = b.kind === 'group' && next !== undefined && next.kind === 'notice' && rowsOf(b, style) + rowsOf(next, style) <= h ? gapOf(next, style) + rowsOf(next, style) : 0;
    const at = top ? 0 : y + gapOf(b, style);
    if (at + rowsOf(b, style) + keep <= h + 1e-6) {
      y = at + rowsOf(b, style);
      i++;
    } else if (top || col === columns) break; // a block taller than a column stops the page; the caller reports it
    else {
      col++;
      y = 0;
    }
  }
  return i;
}

interface Partition {
  /** Start index of each column's first block; the last entry is the end. */
  cuts: number[];
  /** The worst column's shortfall after stretching, pt. */
  worst: number;
}

/** Best partition of blocks [0, n) into at most `columns` columns squared to `target`. */
function partition(blocks: readonly FlowBlock[], n: number, columns: number, target: number, style: Style): Partition | undefined {
  const cap = style.maxStretch * style.pitch;
  // sumH[k]: heights of blocks < k; sumG[k]: gaps before blocks 1 … k−1 (the gap before block j counts when j is not a column's first)
  const sumH = [0];
  const sumG = [0];
  for (let k = 0; k < n; k++) {
    sumH.push(sumH[k] + rowsOf(blocks[k], style));
    sumG.push(sumG[k] + (k > 0 ? gapOf(blocks[k], style) : 0));
  }
  const used = (i: number, j: number) => sumH[j] - sumH[i] + sumG[j] - sumG[i + 1];
  const INF = Number.POSITIVE_INFINITY;
  // best[c][j]: smallest worst shortfall placing blocks [0, j) in c columns; from[c][j]: where column c starts
  const best: number[][] = [Array.from({ length: n + 1 }, (_, j) => (j === 0 ? 0 : INF))];
  const from: number[][] = [[]];
  for (let c = 1; c <= columns; c++) {
    const row = Array.from({ length: n + 1 }, () => INF);
    const src = Array.from({ length: n + 1 }, () => -1);
    row[0] = 0;
    for (let j = 1; j <= n; j++) {
      if (j < n && blocks[j - 1].kind === 'group') continue; // a header keeps with its notice
      for (let i = j - 1; i >= 0; i--) {
        const u = used(i, j);
        if (u > target + 1e-6) break; // longer runs only grow
        if (best[c - 1][i] === INF) continue;
        const short = Math.max(0, target - u - (j - i - 1) * cap);
        const w = Math.max(best[c - 1][i], short);
        if (w < row[j]) {
          row[j] = w;
          src[j] = i;
        }
      }
    }
    best.push(row);
    from.push(src);
  }
  let bestC = -1;
  for (let c = 1; c <= columns; c++) if (best[c][n] < (bestC < 0 ? INF : best[bestC][n]) - 1e-9) bestC = c;
  if (bestC < 0) return undefined;
  const cuts = [n];
  for (let c = bestC, j = n; c > 0; c--) {
    j = from[c][j];
    cuts.unshift(j);
  }
  return { cuts, worst: best[bestC][n] };
}

/**
 * Flow blocks into `columns` columns of `height` pt. Terminates: the greedy pass places
 * a block or opens a column each step; the balancing search tries finitely many heights.
 */
export function flowNotices(blocks: readonly FlowBlock[], columns: number, columnHeight: number, style: Style): FlowResult {
  const height = Math.floor(columnHeight / style.pitch + 1e-6) * style.pitch;
  const n = prefixThatFits(blocks, columns, height, style);
  let target = height;
  let part = n > 0 ? partition(blocks, n, columns, height, style) : undefined;
  if (n === blocks.length && n > 0) {
    // balance: the lowest common bottom (in quarter lines) squarable to within a line
    const step = style.pitch;
    const tallest = Math.max(...blocks.map((b) => rowsOf(b, style)));
    let fallback: { target: number; part: Partition } | undefined;
    for (let t = Math.max(tallest, Math.ceil(total(blocks, style) / columns / step) * step); t <= height + 1e-6; t += step) {
      const p = partition(blocks, n, columns, t, style);
      if (!p) continue;
      if (!fallback || p.worst < fallback.part.worst - 1e-9) fallback = { target: t, part: p };
      if (p.worst < style.pitch * 0.9) {
        fallback = { target: t, part: p };
        break;
      }
    }
    if (fallback) ({ target, part: part } = fallback);
  }
  const placed: PlacedBlock[] = [];
  const bottoms: number[] = [];
  const cap = style.maxStretch * style.pitch;
  const cuts = part?.cuts ?? [0];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const col = blocks.slice(cuts[c], cuts[c + 1]);
    let y = 0;
    const tops = col.map((b, k) => {
      if (k > 0) y += gapOf(b, style);
      const at = y;
      y += rowsOf(b, style);
      return at;
    });
    // whole lines of spare height shared among the gaps, the first gaps one more
    const gaps = col.length - 1;
    const spare = gaps > 0 ? Math.max(0, Math.min(Math.floor((target - y) / style.pitch + 1e-6), Math.floor(cap / style.pitch) * gaps)) : 0;
    const per = gaps > 0 ? Math.floor(spare / gaps) : 0;
    let extra = spare - per * gaps;
    let shift = 0;
    col.forEach((b, k) => {
      if (k > 0) shift += (per + (extra-- > 0 ? 1 : 0)) * style.pitch;
      placed.push({ block: b, column: c, y: tops[k] + shift });
    });
    bottoms.push(y + shift - (rowsOf(col[col.length - 1], style) - col[col.length - 1].height));
  }
  while (bottoms.length < columns) bottoms.push(0);
  return { placed, remaining: blocks.slice(n), bottoms };
}

/** Height of all blocks stacked in one column. */
function total(blocks: readonly FlowBlock[], style: Style): number {
  return blocks.reduce((s, b, k) => s + rowsOf(b, style) + (k > 0 ? gapOf(b, style) : 0), 0);
}
