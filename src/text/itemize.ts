import type { FontFace } from '../fonts/fontBook.js';
import { CharClass, charClass, joinsWord, noEnd, noStart } from './charClass.js';
import { missingGlyph, noteFallback } from './missingGlyph.js';

/** A stretch of paragraph text in one face (a bold span, a run of body text). */
export interface Span {
  text: string;
  face: FontFace;
}

export interface ItemizeOptions {
  /** Font size in pt. */
  size: number;
  /**
   * Faces tried in order when a span's face lacks a character; a function is called only
   * then (opening three fallback fonts is a good part of a one-page job's start).
   */
  fallbacks?: readonly FontFace[] | (() => readonly FontFace[]);
  /** Where the text comes from, for error messages (file, article, component). */
  where?: string;
  /** Space between an ideograph and a Latin letter or digit, em (template; default ¼ em, clreq §3.2.1). */
  mixedGap?: number;
  /** A source space between two ideographs or marks (a phrase space), em (default ¼ em; heads 1 em). */
  phraseSpace?: number;
  /** ASCII , ; : ? ! ( ) next to an ideograph become full-width marks (template; body copy). */
  fullWidthPunct?: boolean;
  /** 开明 punctuation: ，、；： always half width (their empty half removed); 。？！ full. */
  kaiming?: boolean;
  /** Face for full-width punctuation when the span's face draws it narrow (楷 text: the 宋 face). */
  punctFace?: FontFace;
  /** [from, to) pairs of runs wider than the measure (an over-long number): each may break between any two characters. */
  cutRuns?: readonly number[];
  /**
   * A long number (8 or more letters and digits: an ID, a passport number) may break inside
   * at a price, rather than leave the line before it loose (notices in 13-字 columns).
   */
  breakLongRuns?: boolean;
  /**
   * Phrase breaking (heads, decks, crossheads, bylines): a line may break only at a source
   * space, beside punctuation, or where this has a 1 (a word start; see wordStarts).
   */
  breakMask?: Uint8Array;
}

/**
 * A paragraph cut into atoms (unbreakable units: one ideograph or mark, a Latin word,
 * a number, a —— or ……) and the glue between them, as parallel typed arrays: the line
 * breaker visits every atom of every paragraph, so this stays allocation-light.
 * Widths are in pt. Glue k sits between atom k−1 and atom k (k = 1 … n−1).
 */
export interface Items {
  text: string;
  size: number;
  /** Number of atoms. */
  n: number;
  cls: Uint8Array;
  /** [start, end) of each atom in `text` (UTF-16 code units). */
  start: Int32Array;
  end: Int32Array;
  /** Natural width of each atom. */
  w: Float64Array;
  /** Compressible empty half of a full-width mark, left and right (line start / end). */
  trimL: Float64Array;
  trimR: Float64Array;
  /** What is still compressible inside a line after adjacent-punctuation compression. */
  inL: Float64Array;
  inR: Float64Array;
  /** First and past-last glyph of each atom. */
  g0: Int32Array;
  g1: Int32Array;
  /** Glue natural width (negative: adjacent punctuation set half-width). */
  gw: Float64Array;
  /** Glue stretch and shrink limits (spaces, Han–Latin gaps). */
  gst: Float64Array;
  gsh: Float64Array;
  /** 1 where the gap may take inter-character stretch (a gap next to an ideograph or mark). */
  gHan: Uint8Array;
  /** 1 where a line may break. */
  brk: Uint8Array;
  /** Cost of breaking before atom k (a break inside a long number, breakLongRuns); 0 elsewhere. */
  pen: Float64Array;
  /** 1 where the glue is a word space (a space glyph is emitted inside the line). */
  gSpace: Uint8Array;
  /** Glyphs: id, natural advance (pt), face index, code unit offset. */
  gid: Int32Array;
  adv: Float64Array;
  face: Uint8Array;
  at: Int32Array;
  /** Glyph origin relative to its atom's origin, pt (the advances summed, except in a —— ). */
  pos: Float64Array;
  /** Number of glyphs. */
  ng: number;
  /** ASCII marks set as full-width ones (fullWidthPunct), for the copyfit report. */
  converted: number;
  /** Latin runs cut because they are wider than `splitWide`. */
  cut: number;
  faces: FontFace[];
  /** The space glyph of the first span's face, for word spaces. */
  space: { gid: number; adv: number; face: number };
  /** Prefix sums (index k = sum over atoms/glue before k), so a candidate line is measured in O(1). */
  pw: Float64Array;
  pgw: Float64Array;
  pgst: Float64Array;
  pgsh: Float64Array;
  phan: Float64Array;
  pinL: Float64Array;
  pinR: Float64Array;
  /** Capacity of the arrays, in UTF-16 code units. */
  cap: number;
}

/** Empty items with room for `cap` code units; reused across paragraphs to spare the GC. */
export function createItems(cap: number): Items {
  const f = () => new Float64Array(cap + 1);
  const i = () => new Int32Array(cap + 1);
  const u = () => new Uint8Array(cap + 1);
  return {
    text: '', size: 0, n: 0, ng: 0, faces: [], cap, converted: 0, cut: 0,
    cls: u(), start: i(), end: i(), w: f(), trimL: f(), trimR: f(), inL: f(), inR: f(), g0: i(), g1: i(),
    gw: f(), gst: f(), gsh: f(), gHan: u(), brk: u(), gSpace: u(), pen: f(),
    gid: i(), adv: f(), face: u(), at: i(), pos: f(),
    space: { gid: 0, adv: 0, face: 0 },
    pw: f(), pgw: f(), pgst: f(), pgsh: f(), phan: f(), pinL: f(), pinR: f(),
  };
}

const isAlnum = (cp: number) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);

/**
 * clreq §3.2.1 (https://www.w3.org/TR/clreq/#mixed_text_composition_in_horizontal_writing_mode):
 * about a quarter em between Han and Western text. It stays at that width: a line's slack goes
 * to punctuation and then evenly between characters, never pooled into these gaps; a line
 * that must shrink may take this much (em) off each.
 */
const MIXED_GAP = 0.25;
const MIXED_GIVE = 0.1;


/** Characters that join a Latin run to the ideographs beside it with no mixed gap: 80 公里/小时, 3～5 天. */
const JOINERS = new Set([...'/\\~-–_|&+=×÷±@#'].map((c) => c.charCodeAt(0)));
const isJoiner = (cp: number) => JOINERS.has(cp);

/** ASCII marks set full-width after an ideograph (fullWidthPunct; clreq §3.1.1 uses full-width marks in Chinese). */
const FULL: Record<number, number> = { 0x2c: 0xff0c, 0x3b: 0xff1b, 0x3a: 0xff1a, 0x3f: 0xff1f, 0x21: 0xff01, 0x28: 0xff08, 0x29: 0xff09 };

/** URL characters after which a URL may break, without a hyphen (issue 11 item 7). */
const isUrlBreak = (cp: number) => cp === 0x2f || cp === 0x2e || cp === 0x2d || cp === 0x5f || cp === 0x3f || cp === 0x26 || cp === 0x3d;
const URL_RE = /(?:https?:\/\/|www\.)[\x21-\x7e]+/g;

/**
 * Cuts spans of text into atoms and glue (see `Items`). Throws MissingGlyphError.
 * With `into`, its arrays are reused when large enough (the caller must be done with them).
 */
export function itemize(spans: readonly Span[], opts: ItemizeOptions, into?: Items): Items {
  let text = spans.length === 1 ? spans[0].text : spans.map((s) => s.text).join('');
  let converted = 0;
  // One-for-one replacements of BMP code units, so span boundaries stay where they were.
  if (opts.fullWidthPunct && ASCII_MARK.test(text)) ({ text, converted } = fullWidth(text));
  const len = text.length;
  const size = opts.size;
  const it = into && into.cap >= len ? into : createItems(Math.max(len, 256));
  const faces: FontFace[] = [];
  const faceIndex = (f: FontFace) => {
    let i = faces.indexOf(f);
    if (i < 0) i = faces.push(f) - 1;
    return i;
  };
  it.text = text;
  it.size = size;
  it.n = 0;
  it.ng = 0;
  it.faces = faces;
  it.converted = converted;
  it.cut = 0;
  it.space = { gid: 0, adv: 0, face: 0 };
  // Glue slots are written only where an atom follows; clear what a previous paragraph left.
  it.gw.fill(0, 0, len + 1);
  it.gst.fill(0, 0, len + 1);
  it.gsh.fill(0, 0, len + 1);
  it.gHan.fill(0, 0, len + 1);
  it.brk.fill(0, 0, len + 1);
  it.pen.fill(0, 0, len + 1);
  it.gSpace.fill(0, 0, len + 1);
  if (spans.length) {
    const f = spans[0].face;
    it.space = { gid: f.gid(0x20), adv: f.adv(0x20) * size, face: faceIndex(f) };
  }
  const urls = text.includes('://') || text.includes('www.') ? urlRanges(text) : NO_URLS;
  let url = 0;
  const cuts = opts.cutRuns ?? NO_URLS;
  let cut = 0;
  const punctFace = opts.punctFace;
  let dashes = false;
  let digitRun = false;
  let lastFace: FontFace | null = null;
  let lastFaceIndex = 0;
  let spaceBefore = false;
  let spanIdx = 0;
  let spanEnd = spans.length ? spans[0].text.length : 0;
  let i = 0;
  while (i < len) {
    while (i >= spanEnd && spanIdx < spans.length - 1) spanEnd += spans[++spanIdx].text.length;
    const span = spans[spanIdx];
    const cp = text.codePointAt(i)!;
    const cu = cp > 0xffff ? 2 : 1;
    let cls = charClass(cp);
    if (cls === CharClass.Space || cp === 0x0a || cp === 0x0d) {
      spaceBefore = it.n > 0;
      i += cu;
      continue;
    }
    while (url < urls.length && urls[url + 1] <= i) url += 2;
    const inUrl = url < urls.length && urls[url] <= i;
    const prevAtom = it.n - 1;
    const prevCls = prevAtom >= 0 ? it.cls[prevAtom] : -1;
    // An ASCII mark between two alphanumerics (1,961.7  15.25  U.S.) belongs to the word;
    // inside a URL every character does.
    if (inUrl) cls = CharClass.Latin;
    else if (cls === CharClass.Stop || cls === CharClass.Close) {
      if (joinsWord(cp) && prevCls === CharClass.Latin && !spaceBefore && isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.codePointAt(i + cu) ?? 0)) {
        cls = CharClass.Latin;
      }
    }
    let face = span.face;
    // 楷 and other faces with narrow (Latin-width) quotes take full-width marks from punctFace.
    if (punctFace && face !== punctFace && cp >= 0x2000 && (cls === CharClass.Open || cls === CharClass.Close || cls === CharClass.Stop) && face.adv(cp) < 0.9 && punctFace.gid(cp) !== 0) face = punctFace;
    let gid = face.gid(cp);
    if (gid === 0) {
      face = fallbackFor(cp, face, opts, text, i);
      gid = face.gid(cp);
    }
    // a character no font has (only while collectGlyphNotes looks at every one): a 1-字 .notdef
    const adv = (gid === 0 ? 1 : face.adv(cp)) * size;
    let extend =
      !spaceBefore && prevAtom >= 0 && prevCls === cls && (cls === CharClass.Latin || cls === CharClass.Dash || cls === CharClass.Ellipsis);
    let spaced = false;
    let hyphenBreak = false;
    if (cls === CharClass.Latin && (!extend || it.cls[prevAtom] !== CharClass.Latin)) digitRun = isAlnum(cp) || cp === 0x2a ? codeRun(text, i) >= LONG_RUN : false;
    if (extend && cls === CharClass.Latin && digitRun) {
      // a long number (an ID or phone number) is one unbreakable word whose characters may
      // open a little, like ideographs, when its line is justified
      extend = false;
      spaced = true;
    }
    if (extend && cls === CharClass.Latin) {
      // A URL breaks after / . - _ ? & = (no hyphen); a run wider than the measure where it must.
      while (cut < cuts.length && cuts[cut + 1] <= i) cut += 2;
      // (after the last of a row of them: https:// stays whole)
      if (inUrl && urls[url] < i && isUrlBreak(text.charCodeAt(i - 1)) && !isUrlBreak(cp)) extend = false;
      else if (opts.breakLongRuns && text.charCodeAt(i - 1) === 0x2d && isAlnum(cp)) {
        // after the hyphen of a code (WT-2026-978), at the price of a break in a number
        extend = false;
        hyphenBreak = true;
      }
      else if (cut < cuts.length && cuts[cut] < i) {
        extend = false;
        it.cut++;
      }
    }
    const g = it.ng++;
    it.gid[g] = gid;
    it.adv[g] = adv;
    it.face[g] = face === lastFace ? lastFaceIndex : faceIndex(face);
    lastFace = face;
    lastFaceIndex = it.face[g];
    it.at[g] = i;
    if (extend) {
      it.pos[g] = it.w[prevAtom];
      it.end[prevAtom] = i + cu;
      it.w[prevAtom] += adv;
      it.g1[prevAtom] = g + 1;
      if (cls === CharClass.Dash) dashes = true;
    } else {
      const k = it.n++;
      it.pos[g] = 0;
      it.cls[k] = cls;
      it.start[k] = i;
      it.end[k] = i + cu;
      it.w[k] = adv;
      const punct = cls === CharClass.Open || cls === CharClass.Close || cls === CharClass.Stop;
      it.trimL[k] = it.inL[k] = punct ? face.trimL(cp) * size : 0;
      it.trimR[k] = it.inR[k] = punct ? face.trimR(cp) * size : 0;
      if (opts.kaiming && cls === CharClass.Stop && it.trimR[k] > 0 && cp !== 0x3002 && cp !== 0xff1f && cp !== 0xff01) {
        it.w[k] -= it.trimR[k];
        it.trimR[k] = it.inR[k] = 0;
      }
      it.g0[k] = g;
      it.g1[k] = g + 1;
      if (spaced) {
        it.gHan[k] = 1;
        const inCut = cut < cuts.length && cuts[cut] < i;
        it.brk[k] = inCut || opts.breakLongRuns ? 1 : 0;
        if (!inCut && opts.breakLongRuns) it.pen[k] = LONG_RUN_BREAK;
      } else if (k > 0) glue(it, k, spaceBefore, opts);
      if (hyphenBreak) it.pen[k] = LONG_RUN_BREAK;
    }
    spaceBefore = false;
    i += cu;
  }
  if (dashes) joinDashes(it);
  prefix(it);
  return it;
}

/**
 * clreq §3.1.1 (https://www.w3.org/TR/clreq/#punctuation_marks): a dash —— takes two
 * character spaces and is one unbroken line. Its glyphs are placed so that their inks touch
 * (the pair then looks like the font's two-em dash, ⸺), centred in the atom's n 字; the
 * source text stays two U+2014 for text extraction.
 */
function joinDashes(it: Items): void {
  for (let k = 0; k < it.n; k++) {
    if (it.cls[k] !== CharClass.Dash || it.g1[k] - it.g0[k] < 2) continue;
    const m = it.g1[k] - it.g0[k];
    const face = it.faces[it.face[it.g0[k]]];
    const cp = it.text.codePointAt(it.at[it.g0[k]])!;
    const ink = face.inkX(cp);
    const adv = it.adv[it.g0[k]];
    const step = Math.min(adv, (ink[1] - ink[0]) * it.size);
    const box = m * it.size;
    const lead = (box - m * step) / 2 - ink[0] * it.size;
    for (let j = 0; j < m; j++) it.pos[it.g0[k] + j] = lead + j * step;
    it.w[k] = box;
  }
}

const ASCII_MARK = /[,;:?!()]/;

/** Letters and digits in a row from which a run is a long number (see digitRun). */
const LONG_RUN = 8;

/** Price of a break inside a long number: about a line whose gaps open by 0.1 em. */
const LONG_RUN_BREAK = 40;

/**
 * Length of the run of ASCII letters and digits (and the * of a masked ID) starting at `i`
 * when it holds a digit or a *: a number or a code (320102198506120317, 91350100M000100Y43).
 * A run of letters alone is a word (capacity, Thursday): 0, never opened or broken inside.
 */
function codeRun(text: string, i: number): number {
  let j = i;
  let code = false;
  for (let c: number; j < text.length && (isAlnum((c = text.charCodeAt(j))) || c === 0x2a); j++) if (c <= 0x39) code = true;
  return code ? j - i : 0;
}
const NO_URLS: number[] = [];

/** [from, to) pairs of the URLs in `text`. */
function urlRanges(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(URL_RE)) {
    // a final . , ) ; : ? ! is the sentence's, not the URL's
    const u = m[0].replace(/[.,);:?!]+$/, '');
    out.push(m.index!, m.index! + u.length);
  }
  return out;
}

/** An ideograph or a full-width mark (a closing quote counts: 说”,). */
const isCjk = (c: number) => c >= 0x2e80 || c === 0x201d || c === 0x2019;

/** ASCII , ; : ? ! ( ) beside an ideograph or a full-width mark, as full-width marks: 苏(2020)苏 → 苏（2020）苏. */
function fullWidth(text: string): { text: string; converted: number } {
  const out: string[] = [];
  let from = 0;
  let converted = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const to = FULL[c];
    if (to === undefined) continue;
    const before = i > 0 && isCjk(text.charCodeAt(i - 1));
    const after = i + 1 < text.length && isCjk(text.charCodeAt(i + 1));
    const ok = before || after;
    if (!ok) continue;
    out.push(text.slice(from, i), String.fromCharCode(to));
    from = i + 1;
    converted++;
  }
  if (!converted) return { text, converted };
  out.push(text.slice(from));
  // joined, the text is one flat string like the others itemize reads (a concatenated one is
  // another kind of string to its compiled code, which it then throws away)
  return { text: out.join(''), converted };
}

function prefix(it: Items): void {
  const n = it.n;
  it.pw[0] = it.pgw[0] = it.pgst[0] = it.pgsh[0] = it.phan[0] = it.pinL[0] = it.pinR[0] = 0;
  for (let k = 0; k < n; k++) {
    it.pw[k + 1] = it.pw[k] + it.w[k];
    it.pinL[k + 1] = it.pinL[k] + it.inL[k];
    it.pinR[k + 1] = it.pinR[k] + it.inR[k];
    // glue k+1 sits between atoms k and k+1
    it.pgw[k + 1] = it.pgw[k] + it.gw[k + 1];
    it.pgst[k + 1] = it.pgst[k] + it.gst[k + 1];
    it.pgsh[k + 1] = it.pgsh[k] + it.gsh[k + 1];
    it.phan[k + 1] = it.phan[k] + it.gHan[k + 1];
  }
}

/** Fills glue k (between atoms k−1 and k): spacing, compression of adjacent marks, break rule. */
function glue(it: Items, k: number, space: boolean, opts: ItemizeOptions): void {
  const a = it.cls[k - 1] as CharClass;
  const b = it.cls[k] as CharClass;
  const em = it.size;
  const latinA = a === CharClass.Latin, latinB = b === CharClass.Latin;
  if (space) it.gSpace[k] = 1;
  if (space && latinA && latinB) {
    it.gw[k] = it.space.adv;
    it.gst[k] = 0.5 * em;
    it.gsh[k] = 0.3 * it.space.adv;
  } else if (latinA !== latinB && (latinA ? b : a) === CharClass.Han) {
    // Han–Latin (clreq §3.2.1): the template's gap, a source space or not, and no gap at all
    // beside a symbol that joins a unit (公里/小时, 3～5); the gap is not a place to pool slack.
    const edge = latinA ? it.text.charCodeAt(it.end[k - 1] - 1) : it.text.charCodeAt(it.start[k]);
    if (!isJoiner(edge)) {
      it.gw[k] = (opts.mixedGap ?? MIXED_GAP) * em;
      it.gsh[k] = MIXED_GIVE * em;
    } else if (!space) {
      it.brk[k] = 0;
      return;
    }
  } else if (latinA && latinB && !space) {
    // a break inside a URL or an over-long number: it may open so the line still reaches
    // the measure (there is often no ideograph on such a line to take the slack)
    it.gst[k] = em;
  } else if (space && !latinA && !latinB) {
    // A phrase space between ideographs or marks (（记者 宋嘉禾）): the template's width, fixed.
    it.gw[k] = (opts.phraseSpace ?? 0.25) * em;
  } else if (space) {
    it.gw[k] = it.space.adv;
    // a word space after a mark in Latin text (arrive. Officials, 1, 2): it opens like the others
    if (latinA || latinB) {
      it.gst[k] = 0.5 * em;
      it.gsh[k] = 0.3 * it.space.adv;
    }
  } else if (it.inR[k - 1] > 0 && isMark(b) && isWide(it, k)) {
    // clreq §3.1.6: of two adjacent marks, the first gives up its empty right half (。” ）（ ，“).
    // The pair then sits half a 字 apart, so neither side may be squeezed further.
    it.gw[k] = -it.inR[k - 1];
    it.inR[k - 1] = 0;
    it.inL[k] = 0;
  } else if (it.inL[k] > 0 && isMark(a) && isWide(it, k - 1)) {
    it.gw[k] = -it.inL[k];
    it.inL[k] = 0;
    it.inR[k - 1] = 0;
  } else if (isMark(a) && isMark(b)) {
    // beside a narrow ASCII mark (,“  ”,) a full-width mark keeps the half that faces it
    it.inL[k] = 0;
    it.inR[k - 1] = 0;
  }
  it.gHan[k] = !latinA && !latinB && !space ? 1 : 0;
  it.brk[k] = !noStart(b) && !noEnd(a) && !(a === b && (a === CharClass.Dash || a === CharClass.Ellipsis)) ? 1 : 0;
  const mask = opts.breakMask;
  if (mask && it.brk[k] && !space && !isMark(a) && b !== CharClass.Open && !mask[it.start[k]]) it.brk[k] = 0;
}

/**
 * A full-width mark has an empty half to give up; an ASCII , or ( has none, so a
 * full-width mark beside it keeps its own empty half (else “ would overlap the ,).
 */
function isWide(it: Items, k: number): boolean {
  return it.trimL[k] + it.trimR[k] > 0;
}

function isMark(c: CharClass): boolean {
  return c === CharClass.Open || c === CharClass.Close || c === CharClass.Stop;
}

/** The first fallback face that has `cp` (缺字); none: MissingGlyphError, or noted and `face` kept (collectGlyphNotes). */
function fallbackFor(cp: number, face: FontFace, opts: ItemizeOptions, text: string, at: number): FontFace {
  const fallbacks = typeof opts.fallbacks === 'function' ? opts.fallbacks() : (opts.fallbacks ?? []);
  for (const fb of fallbacks) {
    if (fb.gid(cp) !== 0) {
      noteFallback(cp, face, fb, opts.where ?? '', at);
      return fb;
    }
  }
  missingGlyph(cp, face, opts.where ?? '', text, at);
  return face;
}
