/**
 * Distribute notice blocks into the columns of a notices page, top to bottom and left to
 * right, never splitting a block (a company notice is never split across columns or
 * pages; a 遗失 item is too short to be worth it). A group header keeps with the notice
 * after it. When everything fits, the columns are balanced (the smallest column height
 * that still holds everything); then each column is squared by sharing its spare height
 * among the gaps between its blocks, so the bottoms line up.
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

/** Space before a block: none at a column's top, else the group or item gap. */
function gapBefore(b: FlowBlock, atTop: boolean, style: NoticeStyle): number {
  if (atTop) return 0;
  return (b.kind === 'group' ? style.groupGap : style.itemGap) * style.pitch;
}

interface Packed {
  columns: { block: FlowBlock; y: number }[][];
  /** Index of the first block that was not placed. */
  next: number;
}

/** Greedy first fit in reading order at column height `h`. */
function pack(blocks: readonly FlowBlock[], columns: number, h: number, style: NoticeStyle): Packed {
  const cols: { block: FlowBlock; y: number }[][] = [[]];
  let y = 0;
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    const col = cols[cols.length - 1];
    const top = col.length === 0;
    const next = blocks[i + 1];
    // keep a group header with its first notice (unless that notice cannot fit any column)
    const keep = b.kind === 'group' && next && next.kind === 'notice' && b.height + next.height <= h ? next.height : 0;
    const need = gapBefore(b, top, style) + b.height + keep;
    if (y + need <= h + 1e-6) {
      const at = y + gapBefore(b, top, style);
      col.push({ block: b, y: at });
      y = at + b.height;
      i++;
      continue;
    }
    if (top) break; // taller than a whole column: stop here, the caller reports it
    if (cols.length === columns) break;
    cols.push([]);
    y = 0;
  }
  return { columns: cols, next: i };
}

/**
 * Flow blocks into `columns` columns of `height` pt. Terminates: every pass either
 * places a block or opens a column, and both are bounded.
 */
export function flowNotices(blocks: readonly FlowBlock[], columns: number, height: number, style: NoticeStyle): FlowResult {
  let packed = pack(blocks, columns, height, style);
  let target = height;
  if (packed.next === blocks.length && blocks.length > 0) {
    // balance: bisect the smallest height at which everything still fits
    let lo = Math.max(...blocks.map((b) => b.height));
    let hi = height;
    for (let k = 0; k < 30 && hi - lo > 0.25; k++) {
      const mid = (lo + hi) / 2;
      if (pack(blocks, columns, mid, style).next === blocks.length) hi = mid;
      else lo = mid;
    }
    packed = pack(blocks, columns, hi, style);
    target = Math.max(...packed.columns.map(usedHeight));
  }
  const placed: PlacedBlock[] = [];
  const bottoms: number[] = [];
  packed.columns.forEach((col, c) => {
    const used = usedHeight(col);
    const gaps = col.length - 1;
    const per = gaps > 0 ? Math.min((target - used) / gaps, style.maxStretch * style.pitch) : 0;
    col.forEach((p, k) => placed.push({ block: p.block, column: c, y: p.y + k * Math.max(0, per) }));
    bottoms.push(col.length ? used + gaps * Math.max(0, per) : 0);
  });
  while (bottoms.length < columns) bottoms.push(0);
  return { placed, remaining: blocks.slice(packed.next), bottoms };
}

function usedHeight(col: readonly { block: FlowBlock; y: number }[]): number {
  const last = col[col.length - 1];
  return last ? last.y + last.block.height : 0;
}
