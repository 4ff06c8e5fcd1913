/**
 * Words of a line for ALTO `String`s, from jieba (@node-rs/jieba, its bundled dictionary):
 * ICU's word break (Intl.Segmenter) splits 身份|证, 注|销, 债|权, and is some 300× slower.
 * One jieba for the process (src/jieba.ts), shared with the text engine's word starts.
 */
import { KeptCuts } from '../jieba.js';

/** The lines' cuts, kept across builds (`.zuban-cache/alto-words.json` beside out/; see KeptCuts). */
export const altoCuts = new KeptCuts(true);

/**
 * The text cut into words, as [start, end) code-point offsets that cover it exactly;
 * runs of white space are words of their own (ALTO writes them as SP).
 */
export function wordSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const w of altoCuts.cut(text)) {
    const n = codePoints(w);
    out.push([at, at + n]);
    at += n;
  }
  if (at !== codePoints(text)) throw new Error(`jieba did not cover the line: ${JSON.stringify(text)}`);
  return out;
}

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) n--;
  }
  return n;
}
