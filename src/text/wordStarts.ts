import { KeptCuts } from '../jieba.js';

const memo = new Map<string, Uint8Array>();
/** The heads' cuts, kept across builds (see KeptCuts). */
const cuts = new KeptCuts(false);

/**
 * Where words start in `text`: 1 at each UTF-16 offset where a word (by jieba, HMM off, so
 * no guessed words) begins, 0 inside a word. Heads, decks, crossheads and bylines break only
 * there (issue 11 item 5: "新开B9路快速公 / 交" breaks 公交).
 */
export function wordStarts(text: string): Uint8Array {
  let starts = memo.get(text);
  if (!starts) {
    starts = new Uint8Array(text.length + 1);
    let at = 0;
    for (const w of cuts.cut(text)) {
      starts[at] = 1;
      at += w.length;
    }
    starts[text.length] = 1;
    memo.set(text, starts);
  }
  return starts;
}

/** Reads the heads' cuts a previous build kept (`.zuban-cache/words.json` beside out/). */
export function loadWordStarts(file: string): void {
  memo.clear();
  cuts.load(file);
}

/** Keeps the cuts of the texts this build broke (when any was new). */
export function saveWordStarts(): void {
  cuts.save();
}
