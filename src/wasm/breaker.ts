// AssemblyScript (compiled by asc to dist/wasm/breaker.wasm; not by tsc): the line
// breaker's dynamic programme over a paragraph's items, which src/text/breakLines.ts
// lays out in the module's memory. Why WebAssembly: V8 runs a one-page job's code
// mostly before its optimising compiler has caught up, and the interpreter boxes every
// intermediate double of this loop — a one-page `zuban typeset` spent a third of its
// setting here. Compiled ahead, the programme runs at full speed from its first call.
// breakLines.ts says what the programme chooses and why; lineFit() there measures a
// line the same way as the loop below, and setLines spends the difference as priced here.

/** Where each array of the items starts: the i32 table at address 0 (see LAYOUT in breakLines.ts). */
const PW = 0, PGW = 1, PGST = 2, PGSH = 3, PHAN = 4, PINL = 5, PINR = 6, TRIML = 7, TRIMR = 8, BRK = 9, BEST = 10, FROM = 11, PEN = 12;

@inline function at(slot: i32): usize {
  return <usize>load<u32>(<usize>slot << 2);
}
@inline function f(base: usize, k: i32): f64 {
  return load<f64>(base + (<usize>k << 3));
}

const EPS: f64 = 1e-6;

/**
 * Cost of setting a line whose natural width misses the measure by `d` pt (d > 0:
 * short, d < 0: long). Following clreq §3.2, the difference goes first to punctuation
 * (line-end, then inner compression: cheap), then to the glue around Latin and digit
 * runs, and last to inter-character stretch, which is bounded (maxGap em a gap) and
 * quadratic so that it spreads over several lines rather than pooling in one.
 * Infinity when the line cannot be made to fit.
 */
function fitCost(natural: f64, endTrim: f64, midShrink: f64, glueShrink: f64, glueStretch: f64, gaps: f64, d: f64, em: f64, last: bool, justify: bool, maxGap: f64): f64 {
  if (d < -EPS) {
    let need = -d;
    const end = Math.min(need, endTrim);
    need -= end;
    const mid = Math.min(need, midShrink);
    need -= mid;
    const glue = Math.min(need, glueShrink);
    need -= glue;
    if (need > EPS) return Infinity;
    return (0.5 * end + 3 * mid + 6 * glue) / em;
  }
  if (!justify) return (d / em) * (d / em);
  if (last || d <= EPS) return 0;
  const glue = Math.min(d, glueStretch);
  const rest = d - glue;
  let cost = (6 * glue) / em;
  if (rest > EPS) {
    // no gap between ideographs but word spaces (a line of Latin words): the spaces open
    // further, priced by the square so that the slack is shared among the lines
    if (gaps == 0 && glueStretch > 0) return cost + 300 * (rest / em) * (rest / em);
    if (gaps == 0) return 5000 + (1000 * rest) / em;
    const perGap = rest / gaps / em;
    cost += (20 * rest) / em + 400 * perGap * perGap * gaps;
    if (perGap > maxGap) cost += 2000 + 10000 * (perGap - maxGap);
  }
  return cost;
}

/**
 * Fills best[] (cheapest cost of a paragraph prefix ending at atom e) and from[] (the
 * start of its last line) for atoms 0 … n. Returns 0, or -1 when a line end has no
 * start (an internal error).
 */
export function breakLines(n: i32, measure: f64, indent: f64, em: f64, justify: bool, maxGap: f64, endHalf: bool, lastFrom: i32, lastPenalty: f64): i32 {
  const pw = at(PW), pgw = at(PGW), pgst = at(PGST), pgsh = at(PGSH), phan = at(PHAN);
  const pinL = at(PINL), pinR = at(PINR), trimL = at(TRIML), trimR = at(TRIMR), brk = at(BRK);
  const best = at(BEST), from = at(FROM), pen = at(PEN);
  for (let k = 0; k <= n; k++) {
    store<f64>(best + (<usize>k << 3), Infinity);
    store<i32>(from + (<usize>k << 2), -1);
  }
  store<f64>(best, 0);
  const looseLimit = 2 * em;
  let hi = 0;
  for (let e = 1; e <= n; e++) {
    if (e < n && load<u8>(brk + <usize>e) == 0) continue;
    const last = e == n;
    let found = false;
    let prune = !last;
    // loose(hi + 1, e)
    while (hi + 1 < e) {
      const s = hi + 1;
      const inner = e - 1 > s;
      // s > 0 here: no indent, and the opening mark's half is trimmed
      const natural = f(pw, e) - f(pw, s) + (inner ? f(pgw, e - 1) - f(pgw, s) : 0) - f(trimL, s) - (endHalf ? f(trimR, e - 1) : 0);
      if (measure - natural - (inner ? f(pgst, e - 1) - f(pgst, s) : 0) > looseLimit) break;
      hi++;
    }
    let s = prune ? min(e - 1, hi) : e - 1;
    while (s >= 0) {
      if (s == 0 && !found && prune) {
        prune = false;
        s = e - 1;
        continue;
      }
      if (s > 0 && load<u8>(brk + <usize>s) == 0) { s--; continue; }
      const ind: f64 = s == 0 ? indent : 0;
      const startTrim: f64 = s == 0 && ind > 0 ? 0 : f(trimL, s);
      const inner = e - 1 > s;
      // 行末半角 (endHalf): a line-end mark always gives up its empty half, so the optical
      // right edge is straight; otherwise that half is the cheapest compression there is.
      const natural = ind + f(pw, e) - f(pw, s) + (inner ? f(pgw, e - 1) - f(pgw, s) : 0) - startTrim - (endHalf ? f(trimR, e - 1) : 0);
      const endTrim: f64 = endHalf ? 0 : f(trimR, e - 1);
      const midShrink: f64 = inner ? f(pinL, e) - f(pinL, s + 1) + f(pinR, e - 1) - f(pinR, s) : 0;
      const glueShrink: f64 = inner ? f(pgsh, e - 1) - f(pgsh, s) : 0;
      const tightest = natural - endTrim - midShrink - glueShrink;
      const bs = f(best, s);
      if (tightest > measure + EPS) {
        if (prune && !found) {
          prune = false;
          s = e - 1;
          continue;
        }
        if (!found && bs < Infinity) {
          const c = bs + 1e7 + tightest - measure;
          if (c < f(best, e)) { store<f64>(best + (<usize>e << 3), c); store<i32>(from + (<usize>e << 2), s); }
        }
        break;
      }
      if (bs == Infinity) { s--; continue; }
      const glueStretch: f64 = inner ? f(pgst, e - 1) - f(pgst, s) : 0;
      if (prune && measure - natural - glueStretch > looseLimit) { s--; continue; }
      const gaps: f64 = inner ? f(phan, e - 1) - f(phan, s) : 0;
      let c = fitCost(natural, endTrim, midShrink, glueShrink, glueStretch, gaps, measure - natural, em, last, justify, maxGap);
      if (c == Infinity) { s--; continue; }
      // 孤字: a paragraph's last line shorter than the template's minimum (characters,
      // punctuation not counted) is priced like a few loose lines, so the programme takes
      // a character back or sends one down when it can do so without opening gaps.
      if (last && justify && s > lastFrom && s > 0) c += lastPenalty;
      if (!last) c += f(pen, e);
      c += bs;
      found = true;
      if (c < f(best, e)) { store<f64>(best + (<usize>e << 3), c); store<i32>(from + (<usize>e << 2), s); }
      s--;
    }
  }
  for (let e = n; e > 0; e = load<i32>(from + (<usize>e << 2))) {
    if (load<i32>(from + (<usize>e << 2)) < 0) return -1;
  }
  return 0;
}
