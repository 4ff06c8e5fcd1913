import { breakLines, type BreakOptions } from './breakLines.js';
import { CharClass } from './charClass.js';
import { itemize, type Items, type ItemizeOptions, type Span } from './itemize.js';
import { setLines, type SetLine } from './setLines.js';
import { wordStarts } from './wordStarts.js';

/** A problem the text stage found and worked around: the text is still set. */
export interface TextDiagnostic {
  /** cut-run: a Latin run or number wider than the measure was cut to fit. */
  code: 'cut-run';
  /** Where the text comes from (file, article, component and paragraph: ItemizeOptions.where). */
  where: string;
  message: string;
}

export interface TypesetOptions extends ItemizeOptions, BreakOptions {
  /** Break only between phrases (heads, decks, crossheads, bylines): spaces, punctuation, word starts. */
  phrases?: boolean;
  /** Where diagnostics go; without it they wait in a module sink (takeTextDiagnostics). */
  diagnostics?: TextDiagnostic[];
}

/** Itemize arrays reused from paragraph to paragraph (the set lines copy what they keep). */
let scratch: Items | undefined;
const sink: TextDiagnostic[] = [];

/** The diagnostics typesetParagraph gave no caller's array since the last call (the CLI reports them). */
export function takeTextDiagnostics(): TextDiagnostic[] {
  return sink.splice(0);
}

/** Itemize → break → set: a paragraph of spans to positioned lines at one measure. */
export function typesetParagraph(spans: readonly Span[], opts: TypesetOptions): SetLine[] {
  let items = itemize(spans, opts, scratch);
  scratch = items;
  let again: ItemizeOptions | undefined;
  const cutRuns = wideRuns(items, opts.measure);
  if (cutRuns.length) {
    // clreq has no rule for a run longer than the line; it must break somewhere, and the
    // copy desk must hear of it (issue 11 item 7: no glyph outside its column).
    again = { ...opts, cutRuns };
    for (let r = 0; r < cutRuns.length; r += 2) {
      const run = items.text.slice(cutRuns[r], cutRuns[r + 1]);
      (opts.diagnostics ?? sink).push({ code: 'cut-run', where: opts.where ?? '', message: `${opts.where ?? ''}: "${run.length > 24 ? run.slice(0, 24) + '…' : run}" is wider than the column and was broken inside` });
    }
  }
  // A phrase-broken text that fits on one line needs no segmenter (jieba loads in ~0.3 s).
  if (opts.phrases && naturalWidth(items) > opts.measure - opts.indent) {
    // at the source's spaces (and punctuation) only, when every phrase fits; else at words too
    const text = items.text;
    const spacesOnly = /\s/.test(text) ? itemize(spans, { ...(again ?? opts), breakMask: new Uint8Array(text.length + 1) }, scratch) : undefined;
    if (spacesOnly) scratch = spacesOnly;
    const lines = spacesOnly && setLines(spacesOnly, breakLines(spacesOnly, opts), opts);
    if (lines && !lines.some((l) => l.overfull || l.used > opts.measure + 1e-6)) return lines;
    again = { ...(again ?? opts), breakMask: wordStarts(text) };
  }
  if (again) items = scratch = itemize(spans, again, scratch);
  const lines = setLines(items, breakLines(items, opts), opts);
  // a long number or word the breaker chose to break inside (a priced break, not a cut run
  // found above) is reported the same way: the copy desk decides whether that may stand
  if (!cutRuns.length) reportBrokenRuns(items.text, lines, opts);
  return lines;
}

const ALNUM = /[0-9A-Za-z]/;

function reportBrokenRuns(text: string, lines: readonly SetLine[], opts: TypesetOptions): void {
  for (let l = 0; l + 1 < lines.length; l++) {
    const e = lines[l].end;
    if (e <= 0 || e >= text.length || !ALNUM.test(text[e - 1]) || !ALNUM.test(text[e])) continue;
    let a = e, b = e;
    while (a > 0 && ALNUM.test(text[a - 1])) a--;
    while (b < text.length && ALNUM.test(text[b])) b++;
    const run = text.slice(a, b);
    (opts.diagnostics ?? sink).push({ code: 'cut-run', where: opts.where ?? '', message: `${opts.where ?? ''}: "${run.length > 24 ? run.slice(0, 24) + '…' : run}" is broken across lines` });
  }
}

function naturalWidth(it: Items): number {
  return it.pw[it.n] + it.pgw[it.n];
}

/**
 * [from, to) of each unbreakable Latin run (a number, a word, a URL piece; a long number's
 * digits are atoms of their own, joined by glue that does not break) wider than `measure`.
 */
function wideRuns(it: Items, measure: number): number[] {
  let out: number[] | undefined;
  let from = -1;
  let width = 0;
  for (let k = 0; k <= it.n; k++) {
    const latin = k < it.n && it.cls[k] === CharClass.Latin;
    if (latin && from >= 0 && !it.brk[k] && !it.gSpace[k]) width += it.gw[k] + it.w[k];
    else {
      if (from >= 0 && width > measure) (out ??= []).push(it.start[from], it.end[k - 1]);
      from = latin ? k : -1;
      width = latin ? it.w[k] : 0;
    }
  }
  return out ?? NONE;
}

const NONE: number[] = [];
