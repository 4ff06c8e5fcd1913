import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Segmenter {
  cut(text: string, hmm: boolean): string[];
}

let jieba: Segmenter | undefined;

/**
 * jieba (`@node-rs/jieba`, its own dictionary), opened on first use: reading the 5 MB
 * dictionary costs ~0.3 s, so only text that must break at a word boundary (a head, a
 * byline that does not fit on one line) pays for it.
 */
function segmenter(): Segmenter {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Segmenter } };
    const dir = path.dirname(require.resolve('@node-rs/jieba/package.json'));
    jieba = Jieba.withDict(fs.readFileSync(path.join(dir, 'dict.txt')));
  }
  return jieba;
}

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
