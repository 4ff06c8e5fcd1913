import { jiebaSegmenter as segmenter } from '../jieba.js';

const memo = new Map<string, Uint8Array>();

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
    for (const w of segmenter().cut(text, false)) {
      starts[at] = 1;
      at += w.length;
    }
    starts[text.length] = 1;
    memo.set(text, starts);
  }
  return starts;
}
