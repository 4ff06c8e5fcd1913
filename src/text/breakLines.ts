import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../projectRoot.js';
import { CharClass } from './charClass.js';
import type { Items } from './itemize.js';

/** How a paragraph is broken into lines. All lengths in pt. */
export interface BreakOptions {
  /** Line length (the measure). */
  measure: number;
  /** First-line indent (2 字 for body text; 0 for heads and captions). */
  indent: number;
  /** justify: every line but the last fills the measure; center/left: ragged, balanced lines. */
  align: 'justify' | 'center' | 'left';
  /** Largest inter-character stretch per gap, in em, before a line counts as loose (default 0.25). */
  maxGapStretch?: number;
  /**
   * 行末半角 (default true): a mark at a line end always sets half-width (its empty half
   * trimmed), so every line's optical right edge is the same; false: the half is trimmed
   * only when the line needs the room (飞腾's 行末可压缩).
   */
  lineEndHalf?: boolean;
  /** A justified paragraph's last line should hold at least this many characters besides punctuation (孤字; default 2). */
  minLastChars?: number;
}

/** What a last line shorter than minLastChars costs: about two lines stretched by ⅛ em a gap. */
const LAST_LINE_PENALTY = 150;

/** The adjustable quantities of one candidate line [s, e), in pt. */
export interface LineFit {
  natural: number;
  /** Left half of an opening mark removed at the line start (mandatory, clreq). */
  startTrim: number;
  /** Right half of the last mark, trimmed at the line end (行末半角, mandatory). */
  endHalf: number;
  /** Right half of the last mark, compressible at the line end (when not trimmed anyway). */
  endTrim: number;
  /** Empty halves of marks inside the line. */
  midShrink: number;
  glueShrink: number;
  glueStretch: number;
  /** Gaps that may take inter-character stretch. */
  gaps: number;
}

/** Measures the candidate line made of atoms [s, e). */
export function lineFit(it: Items, s: number, e: number, indent: number, lineEndHalf = true): LineFit {
  const first = s === 0;
  // clreq: a line does not start with the empty half of an opening mark — except after
  // the paragraph indent, where the mark keeps its full width.
  const startTrim = first && indent > 0 ? 0 : it.trimL[s];
  const endHalf = lineEndHalf ? it.trimR[e - 1] : 0;
  const inner = (a: Float64Array) => (e - 1 > s ? a[e - 1] - a[s] : 0); // glue s+1 … e−1
  return {
    natural: (first ? indent : 0) + it.pw[e] - it.pw[s] + inner(it.pgw) - startTrim - endHalf,
    startTrim,
    endHalf,
    endTrim: lineEndHalf ? 0 : it.trimR[e - 1],
    midShrink: e - 1 > s ? it.pinL[e] - it.pinL[s + 1] + it.pinR[e - 1] - it.pinR[s] : 0,
    glueShrink: inner(it.pgsh),
    glueStretch: inner(it.pgst),
    gaps: inner(it.phan),
  };
}

/**
 * Chooses the break positions that minimise the paragraph's total adjustment cost —
 * Knuth–Plass's dynamic programme over all legal breaks, each candidate line priced by
 * fitCost (src/wasm/breaker.ts: punctuation first, then the glue around Latin, then
 * bounded inter-character stretch).
 * Why not greedy: in Chinese nearly every gap is a legal break, so a greedy breaker is
 * usually right, but where 禁则 forbid a break (a ， or ” at the line start) it must
 * choose between squeezing and stretching one line with no look-ahead; the optimum over
 * the paragraph prefers compressing punctuation in a neighbouring line to opening gaps
 * between characters. Cost: each break looks back only over the lines that can end
 * there — not too loose, not overfull — so the programme is linear in the paragraph.
 * The programme runs as WebAssembly (src/wasm/breaker.ts, which says why); this copies
 * the items' prefix sums into its memory and reads the chosen breaks back.
 * Returns the atom index where each line starts, followed by n.
 */
export function breakLines(it: Items, opts: BreakOptions): number[] {
  const n = it.n;
  if (n === 0) return [0];
  const w = breaker(n + 1);
  const f64 = w.f64;
  for (let a = 0; a < F64_INPUTS.length; a++) f64.set(it[F64_INPUTS[a]].subarray(0, n + 1), w.at[a] / 8);
  w.u8.set(it.brk.subarray(0, n + 1), w.at[BRK]);
  f64.set(it.pen.subarray(0, n + 1), w.at[PEN] / 8);
  const ok = w.run(n, opts.measure, opts.indent, it.size, opts.align === 'justify' ? 1 : 0, opts.maxGapStretch ?? 0.25,
    opts.lineEndHalf === false ? 0 : 1, lastLineFrom(it, opts.minLastChars ?? 2), LAST_LINE_PENALTY);
  if (ok !== 0) throw new Error('breakLines: no path (internal error)');
  const from = w.i32, base = w.at[FROM] / 4;
  const starts: number[] = [];
  for (let e = n; e > 0; e = from[base + e]) starts.push(from[base + e]);
  starts.reverse();
  starts.push(n);
  return starts;
}

/**
 * The latest atom a paragraph's last line may start at and still hold `min` characters
 * besides punctuation (a Latin word or number counts as one).
 */
function lastLineFrom(it: Items, min: number): number {
  let count = 0;
  for (let k = it.n - 1; k >= 0; k--) {
    const c = it.cls[k];
    if (c !== CharClass.Close && c !== CharClass.Stop && c !== CharClass.Open && ++count >= min) return k;
  }
  return 0;
}

/** The items' arrays the programme reads, in the order of its address table (src/wasm/breaker.ts). */
const F64_INPUTS = ['pw', 'pgw', 'pgst', 'pgsh', 'phan', 'pinL', 'pinR', 'trimL', 'trimR'] as const;
const BRK = 9, BEST = 10, FROM = 11, PEN = 12;

interface Breaker {
  /** Byte address of each array: F64_INPUTS…, brk, best, from, pen. */
  at: number[];
  f64: Float64Array;
  i32: Int32Array;
  u8: Uint8Array;
  run(n: number, measure: number, indent: number, em: number, justify: number, maxGap: number, endHalf: number, lastFrom: number, lastPenalty: number): number;
}

const WASM = path.join(projectRoot, 'dist/wasm/breaker.wasm');
let instance: { memory: WebAssembly.Memory; run: Breaker['run'] } | undefined;
let current: Breaker | undefined;
let capacity = 0;

/** The programme with room for arrays of `len` entries (its memory grows, never shrinks). */
function breaker(len: number): Breaker {
  if (!instance) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(WASM);
    } catch (err) {
      throw new Error(`${WASM}: the line breaker is not built (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); run \`npm run build\``);
    }
    const memory = new WebAssembly.Memory({ initial: 4 });
    const exports = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)), { env: { memory } }).exports as { breakLines: Breaker['run'] };
    instance = { memory, run: exports.breakLines };
  }
  if (!current || len > capacity) {
    capacity = Math.max(len, 2 * capacity, 4096);
    const slot = 8 * capacity;
    // the address table at 0; then 12 arrays of 8-byte entries and `from` (i32)
    const at = Array.from({ length: 13 }, (_, k) => 64 + k * slot);
    const need = 64 + 13 * slot;
    const have = instance.memory.buffer.byteLength;
    if (need > have) instance.memory.grow(Math.ceil((need - have) / 65536));
    const buffer = instance.memory.buffer;
    new Uint32Array(buffer, 0, 13).set(at);
    current = { at, f64: new Float64Array(buffer), i32: new Int32Array(buffer), u8: new Uint8Array(buffer), run: instance.run };
  }
  return current;
}
