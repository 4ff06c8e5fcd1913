import fs from 'node:fs';
import path from 'node:path';
import { jiebaIdentity, jiebaSegmenter as segmenter } from '../jieba.js';

const memo = new Map<string, Uint8Array>();
/** Texts asked for since the kept cuts were read (what `saveWordStarts` keeps). */
const used = new Set<string>();
let fresh = 0;

/**
 * Where words start in `text`: 1 at each UTF-16 offset where a word (by jieba, HMM off, so
 * no guessed words) begins, 0 inside a word. Heads, decks, crossheads and bylines break only
 * there (issue 11 item 5: "新开B9路快速公 / 交" breaks 公交).
 */
export function wordStarts(text: string): Uint8Array {
  used.add(text);
  let starts = memo.get(text);
  if (!starts) {
    starts = new Uint8Array(text.length + 1);
    let at = 0;
    for (const w of segmenter().cut(text, false)) {
      starts[at] = 1;
      at += w.length;
    }
    starts[text.length] = 1;
    memo.set(text, starts);
    fresh++;
  }
  return starts;
}

/**
 * Reads the cuts a previous build kept (a build's `.zuban-cache/words.json`): a build whose
 * heads were all cut before does not load jieba, whose dictionary is ~40 MB resident and
 * ~0.15 s to read. Cuts of another jieba or dictionary, or an unreadable file, are ignored.
 */
export function loadWordStarts(file: string): void {
  let kept: { segmenter?: string; words?: Record<string, number[]> };
  try {
    kept = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  if (kept.segmenter !== jiebaIdentity() || typeof kept.words !== 'object' || !kept.words) return;
  for (const [text, at] of Object.entries(kept.words)) {
    if (!Array.isArray(at) || memo.has(text)) continue;
    const starts = new Uint8Array(text.length + 1);
    if (!at.every((i) => Number.isInteger(i) && i >= 0 && i <= text.length)) continue;
    for (const i of at) starts[i] = 1;
    memo.set(text, starts);
  }
  used.clear();
  fresh = 0;
}

/** Writes the cuts of the texts asked for since `loadWordStarts` (when any was new), atomically. */
export function saveWordStarts(file: string): void {
  if (!fresh) return;
  const words: Record<string, number[]> = {};
  for (const text of used) {
    const starts = memo.get(text);
    if (starts) words[text] = [...starts.keys()].filter((i) => starts[i]);
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ segmenter: jiebaIdentity(), words }));
    fs.renameSync(tmp, file);
    fresh = 0;
  } catch {
    // a cache that cannot be written costs the next build its jieba, nothing else
  }
}
