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
}

/** The adjustable quantities of one candidate line [s, e), in pt. */
export interface LineFit {
  natural: number;
  /** Left half of an opening mark removed at the line start (mandatory, clreq). */
  startTrim: number;
  /** Right half of the last mark, compressible at the line end. */
  endTrim: number;
  /** Empty halves of marks inside the line. */
  midShrink: number;
  glueShrink: number;
  glueStretch: number;
  /** Gaps that may take inter-character stretch. */
  gaps: number;
}

/** Measures the candidate line made of atoms [s, e). */
export function lineFit(it: Items, s: number, e: number, indent: number): LineFit {
  const first = s === 0;
  // clreq: a line does not start with the empty half of an opening mark — except after
  // the paragraph indent, where the mark keeps its full width.
  const startTrim = first && indent > 0 ? 0 : it.trimL[s];
  const inner = (a: Float64Array) => (e - 1 > s ? a[e - 1] - a[s] : 0); // glue s+1 … e−1
  return {
    natural: (first ? indent : 0) + it.pw[e] - it.pw[s] + inner(it.pgw) - startTrim,
    startTrim,
    endTrim: it.trimR[e - 1],
    midShrink: e - 1 > s ? it.pinL[e] - it.pinL[s + 1] + it.pinR[e - 1] - it.pinR[s] : 0,
    glueShrink: inner(it.pgsh),
    glueStretch: inner(it.pgst),
    gaps: inner(it.phan),
  };
}

const EPS = 1e-6;

/**
 * Cost of setting a line whose natural width misses the measure by `d` pt (d > 0:
 * short, d < 0: long). Following clreq §3.2 and the order, the difference goes
 * first to punctuation (line-end, then inner compression: cheap), then to the glue
 * around Latin and digit runs, and last to inter-character stretch, which is bounded
 * and quadratic so that it spreads over several lines rather than pooling in one.
 * Returns Infinity when the line cannot be made to fit.
 */
export function fitCost(f: LineFit, d: number, em: number, last: boolean, opts: BreakOptions): number {
  if (d < -EPS) {
    let need = -d;
    const end = Math.min(need, f.endTrim);
    need -= end;
    const mid = Math.min(need, f.midShrink);
    need -= mid;
    const glue = Math.min(need, f.glueShrink);
    need -= glue;
    if (need > EPS) return Infinity;
    return (0.5 * end + 3 * mid + 6 * glue) / em;
  }
  if (opts.align !== 'justify') return (d / em) * (d / em);
  if (last || d <= EPS) return 0;
  const glue = Math.min(d, f.glueStretch);
  const rest = d - glue;
  let cost = (6 * glue) / em;
  if (rest > EPS) {
    if (f.gaps === 0) return 5000 + (1000 * rest) / em;
    const perGap = rest / f.gaps / em;
    const max = opts.maxGapStretch ?? 0.25;
    cost += (20 * rest) / em + 400 * perGap * perGap * f.gaps;
    if (perGap > max) cost += 2000 + 10000 * (perGap - max);
  }
  return cost;
}

/**
 * Chooses the break positions that minimise the paragraph's total adjustment cost —
 * Knuth–Plass's dynamic programme over all legal breaks. Why not greedy: in Chinese
 * nearly every gap is a legal break, so a greedy breaker is usually right, but where
 * 禁则 forbid a break (a ， or ” at the line start) it must choose between squeezing
 * and stretching one line with no look-ahead; the optimum over the paragraph prefers
 * compressing punctuation in a neighbouring line to opening gaps between characters.
 * Cost: each break looks back only over the ~measure/1 em atoms that can share its
 * line, so the programme is linear in the paragraph's length.
 * Returns the atom index where each line starts, followed by n.
 */
export function breakLines(it: Items, opts: BreakOptions): number[] {
  const n = it.n;
  if (n === 0) return [0];
  const em = it.size;
  const measure = opts.measure;
  if (scratch.best.length < n + 1) scratch = { best: new Float64Array(2 * n + 2), from: new Int32Array(2 * n + 2) };
  const { best, from } = scratch;
  best.fill(Infinity, 0, n + 1);
  from.fill(-1, 0, n + 1);
  best[0] = 0;
  const fit: LineFit = { natural: 0, startTrim: 0, endTrim: 0, midShrink: 0, glueShrink: 0, glueStretch: 0, gaps: 0 };
  const { pw, pgw, pgsh, pgst, phan, pinL, pinR, trimL, trimR, brk } = it;
  // A line shorter than the measure by more than this is priced only when no other line
  // fits (a forced break): it saves pricing the many short candidates of every break.
  const looseLimit = 2 * em;
  // Lines [s, e) with s > hi are too loose to price while pruning. A line only widens as
  // it starts earlier or ends later, so hi only moves forward: the scan for each end
  // starts there instead of walking back over a measure's worth of loose lines.
  let hi = 0;
  const loose = (s: number, e: number): boolean => {
    const inner = e - 1 > s;
    const indent = s === 0 ? opts.indent : 0;
    const natural = indent + pw[e] - pw[s] + (inner ? pgw[e - 1] - pgw[s] : 0) - (s === 0 && indent > 0 ? 0 : trimL[s]);
    return measure - natural - (inner ? pgst[e - 1] - pgst[s] : 0) > looseLimit;
  };
  for (let e = 1; e <= n; e++) {
    if (e < n && !brk[e]) continue;
    const last = e === n;
    let found = false;
    let prune = !last;
    while (hi + 1 < e && !loose(hi + 1, e)) hi++;
    for (let s = prune ? Math.min(e - 1, hi) : e - 1; s >= 0; s--) {
      if (s === 0 && !found && prune) {
        // no candidate found with pruning: scan again, pricing every line
        prune = false;
        s = e;
        continue;
      }
      if (s > 0 && !brk[s]) continue;
      // lineFit(), inlined: this loop runs for every candidate line of every paragraph.
      const indent = s === 0 ? opts.indent : 0;
      const startTrim = s === 0 && indent > 0 ? 0 : trimL[s];
      const inner = e - 1 > s;
      fit.natural = indent + pw[e] - pw[s] + (inner ? pgw[e - 1] - pgw[s] : 0) - startTrim;
      fit.endTrim = trimR[e - 1];
      fit.midShrink = inner ? pinL[e] - pinL[s + 1] + pinR[e - 1] - pinR[s] : 0;
      fit.glueShrink = inner ? pgsh[e - 1] - pgsh[s] : 0;
      const tightest = fit.natural - fit.endTrim - fit.midShrink - fit.glueShrink;
      if (tightest > measure + EPS) {
        if (prune && !found) {
          // Only loose lines (skipped while pruning) fit before this one: price them
          // rather than fall back to an overfull line.
          prune = false;
          s = e;
          continue;
        }
        // Nothing fits: an unbreakable run longer than the measure. Set it overfull
        // (reported by the caller) rather than fail; longer lines would be worse.
        if (!found && best[s] < Infinity) {
          const c = best[s] + 1e7 + tightest - measure;
          if (c < best[e]) { best[e] = c; from[e] = s; }
        }
        break;
      }
      if (best[s] === Infinity) continue;
      fit.glueStretch = inner ? pgst[e - 1] - pgst[s] : 0;
      if (prune && measure - fit.natural - fit.glueStretch > looseLimit) continue;
      fit.gaps = inner ? phan[e - 1] - phan[s] : 0;
      let c = fitCost(fit, measure - fit.natural, em, last, opts);
      if (c === Infinity) continue;
      if (last && opts.align === 'justify' && e - s === 1 && s > 0) c += 8; // 孤字: a lone character on the last line
      c += best[s];
      found = true;
      if (c < best[e]) { best[e] = c; from[e] = s; }
    }
  }
  const starts: number[] = [];
  for (let e = n; e > 0; e = from[e]) {
    if (from[e] < 0) throw new Error('breakLines: no path (internal error)');
    starts.push(from[e]);
  }
  starts.reverse();
  starts.push(n);
  return starts;
}

/** Work arrays of the programme, reused across paragraphs. */
let scratch = { best: new Float64Array(1024), from: new Int32Array(1024) };
