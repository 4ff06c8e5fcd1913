import type { Items } from './itemize.js';
import { lineFit, type BreakOptions } from './breakLines.js';

/** The glyphs of one line in one face; `text` has one code point per glyph. */
export interface LineRun {
  /** Font key (role) of the face. */
  font: string;
  text: string;
  gids: number[];
  /** Glyph origins in pt from the start of the measure. */
  xs: number[];
  /** Natural advances in pt. */
  advs: number[];
  /** Each glyph's [start, end) in the paragraph text, flat (glyph i: ranges[2i], ranges[2i+1]). */
  ranges: number[];
  /** The face's em box above and below the baseline, em. */
  emTop: number;
  emBottom: number;
}

/** One set line: the text stage's product, positioned relative to its measure. */
export interface SetLine {
  /** [start, end) of the line in the paragraph text (UTF-16). */
  start: number;
  end: number;
  /** The measure, pt. */
  width: number;
  /** Width the content occupies after adjustment, pt (= width for justified lines). */
  used: number;
  /** Adjustment applied: > 0 stretched, < 0 compressed, pt. */
  adjust: number;
  /** True for a paragraph's last line (flush left, not justified). */
  last: boolean;
  /** True when an unbreakable run is wider than the measure. */
  overfull: boolean;
  /** Characters set, word spaces excluded: the 字 count copyfit reports in. */
  chars: number;
  runs: LineRun[];
}

const EPS = 1e-6;

/**
 * One compression step of a mid-line mark, em: a full-width mark sets full (1 em), one step
 * in (¾ em) or half (½ em) — three widths at most (clreq §3.1.6 punctuation width
 * adjustment; issue 11 item 4), never a continuum of widths from line to line.
 */
const STEP = 0.25;

/**
 * Spreads `mid` pt of mid-line compression over the line's marks in whole steps: every
 * mark `q` steps, the first `extra` marks one more; `over` is what the steps compress beyond
 * `mid`, given back between the characters. Undefined when the steps cannot do it (marks
 * whose empty part is not a whole number of steps).
 */
function markSteps(it: Items, s: number, e: number, mid: number): { q: number; extra: number; over: number } | undefined {
  const unit = STEP * it.size;
  let marks = 0;
  for (let k = s; k < e; k++) if ((k > s && it.inL[k] > 0) || (k < e - 1 && it.inR[k] > 0)) marks++;
  if (!marks) return undefined;
  const steps = Math.ceil(mid / unit - 1e-9);
  const q = Math.floor(steps / marks);
  let extra = steps - q * marks;
  let total = 0;
  for (let k = s; k < e; k++) {
    const cap = k > s && it.inL[k] > 0 ? it.inL[k] : k < e - 1 && it.inR[k] > 0 ? it.inR[k] : 0;
    if (cap > 0) total += Math.min(cap, (q + (extra-- > 0 ? 1 : 0)) * unit);
  }
  extra = steps - q * marks;
  return total >= mid - EPS ? { q, extra, over: total - mid } : undefined;
}

/** Glyphs in each run of the line being set (countRuns), kept from line to line. */
let runLength = new Int32Array(64);

/**
 * Counts the runs of atoms [s, e) and their glyphs into runLength: a run is the glyphs of
 * one face in a row, word spaces (set in the first span's face) included, as setLine emits them.
 */
function countRuns(it: Items, s: number, e: number): number {
  if (runLength.length < it.ng + e - s) runLength = new Int32Array(2 * (it.ng + e - s));
  const spaceFace = it.space.face;
  let n = 0;
  let face = -1;
  let count = 0;
  // One loop for spaces and glyphs (g = g0 − 1 stands for an atom's word space): a branch
  // first taken after the code was compiled (the first space) would throw the code away.
  for (let k = s; k < e; k++) {
    const g0 = it.g0[k];
    for (let g = g0 - (k > s ? it.gSpace[k] : 0); g < it.g1[k]; g++) {
      const f = g < g0 ? spaceFace : it.face[g];
      if (f !== face) {
        if (face >= 0) runLength[n++] = count;
        face = f;
        count = 0;
      }
      count++;
    }
  }
  if (face >= 0) runLength[n++] = count;
  return n;
}

/** Positions the glyphs of every line chosen by breakLines. */
export function setLines(it: Items, starts: readonly number[], opts: BreakOptions): SetLine[] {
  const lines: SetLine[] = [];
  for (let l = 0; l + 1 < starts.length; l++) {
    lines.push(setLine(it, starts[l], starts[l + 1], l + 2 === starts.length, opts));
  }
  // (here rather than in setLine, whose compiled code a centred head met only on page 2 threw away)
  if (opts.align === 'center') for (const line of lines) centre(line);
  return lines;
}

/** Moves a line shorter than its measure to the measure's middle. */
function centre(line: SetLine): void {
  const offset = line.used < line.width ? (line.width - line.used) / 2 : 0;
  if (offset) for (const r of line.runs) for (let i = 0; i < r.xs.length; i++) r.xs[i] += offset;
}

/**
 * Builds a line's runs glyph by glyph (one writer, reused from line to line). A run's text
 * has one code point per glyph, as the glyphs are: source spans that follow each other are
 * kept as one pending span and sliced once (most lines are one slice).
 */
class RunWriter {
  it!: Items;
  runs: LineRun[] = [];
  run: LineRun | null = null;
  /** Face of `run`. */
  face = -1;
  /** Next glyph of `run`. */
  private j = 0;
  private pendFrom = -1;
  private pendTo = -1;

  start(it: Items): this {
    this.it = it;
    this.runs = [];
    this.run = null;
    this.face = -1;
    this.pendFrom = -1;
    return this;
  }

  flush(): void {
    if (this.pendFrom >= 0) this.run!.text += this.it.text.slice(this.pendFrom, this.pendTo);
    this.pendFrom = -1;
  }

  span(a: number, b: number): void {
    if (this.pendFrom >= 0 && a === this.pendTo) this.pendTo = b;
    else {
      this.flush();
      this.pendFrom = a;
      this.pendTo = b;
    }
  }

  glyph(x: number, face: number, gid: number, adv: number, from: number, to: number): void {
    if (face !== this.face) {
      this.flush();
      const f = this.it.faces[face];
      const n = runLength[this.runs.length];
      this.run = { font: f.key, text: '', gids: new Array(n), xs: new Array(n), advs: new Array(n), ranges: new Array(2 * n), emTop: f.emTop, emBottom: f.emBottom };
      this.runs.push(this.run);
      this.face = face;
      this.j = 0;
    }
    const run = this.run!, j = this.j++;
    run.gids[j] = gid;
    run.xs[j] = x;
    run.advs[j] = adv;
    run.ranges[2 * j] = from;
    run.ranges[2 * j + 1] = to;
  }

  end(): LineRun[] {
    this.flush();
    this.run = null;
    return this.runs;
  }
}

const writer = new RunWriter();

function setLine(it: Items, s: number, e: number, last: boolean, opts: BreakOptions): SetLine {
  const indent = s === 0 ? opts.indent : 0;
  const f = lineFit(it, s, e, indent, opts.lineEndHalf !== false);
  const measure = opts.measure;
  let d = measure - f.natural;
  const justify = opts.align === 'justify' && !last;
  if (!justify && d > 0) d = 0;
  // Split the difference into the classes, in the order the breaker priced them.
  let endCut = 0, midRatio = 0, glueShrinkRatio = 0, glueStretchRatio = 0, gapAdd = 0;
  // Mid-line marks compress in whole steps (see markSteps); q steps each, one more for the first `extra`.
  let q = -1, extra = 0;
  if (d < -EPS) {
    let need = -d;
    endCut = Math.min(need, f.endTrim);
    need -= endCut;
    const mid = Math.min(need, f.midShrink);
    need -= mid;
    midRatio = f.midShrink > 0 ? mid / f.midShrink : 0;
    const g = Math.min(need, f.glueShrink);
    glueShrinkRatio = f.glueShrink > 0 ? g / f.glueShrink : 0;
    if (mid > EPS && mid < f.midShrink - EPS && f.gaps + f.glueStretch > 0) {
      const steps = markSteps(it, s, e, mid);
      if (steps && (f.gaps > 0 || steps.over <= f.glueStretch + EPS)) {
        q = steps.q;
        extra = steps.extra;
        // what the whole steps compress too much opens the line again: beside marks first
        const g = Math.min(steps.over, f.glueStretch);
        glueStretchRatio = f.glueStretch > 0 ? g / f.glueStretch : 0;
        gapAdd = f.gaps > 0 ? (steps.over - g) / f.gaps : 0;
      }
    }
  } else if (d > EPS) {
    const g = Math.min(d, f.glueStretch);
    glueStretchRatio = f.glueStretch > 0 ? g / f.glueStretch : 0;
    if (d - g > EPS && f.gaps > 0) gapAdd = (d - g) / f.gaps;
    // a line of Latin words (no gap between ideographs): the word spaces take all the slack
    else if (d - g > EPS && f.glueStretch > 0) glueStretchRatio = d / f.glueStretch;
  }
  const overfull = f.natural - f.endTrim - f.midShrink - f.glueShrink > measure + EPS;

  // The runs' glyph counts first, so that each run's arrays are made at their size once
  // (grown by push, they were most of what the text stage allocated).
  const nRuns = countRuns(it, s, e);
  const out = writer.start(it);

  let x = indent;
  for (let k = s; k < e; k++) {
    if (k > s) {
      const gw = it.gw[k];
      let gx = gw - glueShrinkRatio * it.gsh[k] + glueStretchRatio * it.gst[k] + (it.gHan[k] ? gapAdd : 0);
      if (it.gSpace[k]) {
        out.glyph(x, it.space.face, it.space.gid, it.space.adv, it.end[k - 1], it.start[k]);
        out.flush();
        out.run!.text += ' ';
      }
      x += gx;
    }
    let cutL: number, cutR: number;
    if (q < 0) {
      cutL = k === s ? f.startTrim : midRatio * it.inL[k];
      cutR = k === e - 1 ? endCut + f.endHalf : midRatio * it.inR[k];
    } else {
      cutL = k === s ? f.startTrim : 0;
      cutR = k === e - 1 ? endCut + f.endHalf : 0;
      const cap = k > s && it.inL[k] > 0 ? it.inL[k] : k < e - 1 && it.inR[k] > 0 ? it.inR[k] : 0;
      if (cap > 0) {
        const cut = Math.min(cap, (q + (extra > 0 ? 1 : 0)) * STEP * it.size);
        extra--;
        if (k > s && it.inL[k] > 0) cutL = cut;
        else cutR = cut;
      }
    }
    // A compressed mark keeps its ink where it was: the left cut moves its origin left.
    const ax = x - cutL;
    let from = it.start[k];
    for (let g = it.g0[k]; g < it.g1[k]; g++) {
      if (it.face[g] !== out.face && g > it.g0[k]) {
        out.span(from, it.at[g]);
        from = it.at[g];
      }
      out.glyph(ax + it.pos[g], it.face[g], it.gid[g], it.adv[g], it.at[g], g + 1 < it.g1[k] ? it.at[g + 1] : it.end[k]);
    }
    out.span(from, it.end[k]);
    x += it.w[k] - cutL - cutR;
  }
  const runs = out.end();
  if (runs.length !== nRuns) throw new Error('setLine: runs miscounted (internal error)');
  const used = x;
  return {
    start: it.start[s],
    end: it.end[e - 1],
    width: measure,
    used,
    adjust: justify || d < 0 ? d : 0,
    last,
    overfull,
    // the atoms' glyphs; word spaces are glue, not glyphs of the items
    chars: it.g1[e - 1] - it.g0[s],
    runs,
  };
}
