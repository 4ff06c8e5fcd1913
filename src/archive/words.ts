/**
 * Words of a line for ALTO `String`s, from jieba (@node-rs/jieba, its bundled dictionary):
 * ICU's word break (Intl.Segmenter) splits 身份|证, 注|销, 债|权, and is some 300× slower.
 * Loaded on first use: only the archive needs it.
 */
import { createRequire } from 'node:module';

interface JiebaLike {
  cut(text: string, hmm?: boolean): string[];
}

let jieba: JiebaLike | undefined;

function load(): JiebaLike {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/**
 * The text cut into words, as [start, end) code-point offsets that cover it exactly;
 * runs of white space are words of their own (ALTO writes them as SP).
 */
export function wordSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const w of load().cut(text, true)) {
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
