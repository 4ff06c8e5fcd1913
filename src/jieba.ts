/**
 * The process's one jieba (`@node-rs/jieba` with its bundled dictionary), opened on first
 * use: reading the 5 MB dictionary costs ~0.3 s, so it is read once for the text engine
 * (word starts of heads and bylines) and the archive (ALTO words) alike. A leaf module:
 * every stage may import it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface Jieba {
  /** The text cut into words that cover it exactly; `hmm` guesses words the dictionary lacks. */
  cut(text: string, hmm: boolean): string[];
}

let jieba: Jieba | undefined;

export function jiebaSegmenter(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Jieba } };
    const dir = path.dirname(require.resolve('@node-rs/jieba/package.json'));
    jieba = Jieba.withDict(fs.readFileSync(path.join(dir, 'dict.txt')));
  }
  return jieba;
}
