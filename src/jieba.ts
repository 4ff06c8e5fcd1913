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

/** The segmenter's identity (package version and dictionary size): what a kept cut is valid for. */
export function jiebaIdentity(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@node-rs/jieba/package.json');
  const { version } = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string };
  return `@node-rs/jieba ${version} dict ${fs.statSync(path.join(path.dirname(pkg), 'dict.txt')).size}`;
}
