/**
 * The process's one jieba (`@node-rs/jieba` with its bundled dictionary), opened on first
 * use: reading the 5 MB dictionary costs ~0.3 s, so it is read once for the text engine
 * (word starts of heads and bylines) and the archive (ALTO words) alike. A leaf module:
 * every stage may import it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { writeAtomically } from './io/writeAtomically.js';

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

/**
 * Cuts of texts by jieba, kept across builds in a JSON file beside the build's output
 * (`.zuban-cache/…`): a build whose texts were all cut before does not load jieba, whose
 * dictionary is ~40 MB resident and ~0.15 s to read. A file of another jieba, dictionary or
 * mode, or one that cannot be read, is ignored; a kept cut that does not cover its text
 * exactly is not used.
 */
export class KeptCuts {
  private readonly cuts = new Map<string, number[]>();
  /** Texts cut since `load` (what `save` keeps). */
  private readonly used = new Set<string>();
  /** Texts the file read by `load` holds. */
  private readonly inFile = new Set<string>();
  private file?: string;

  /** `hmm`: jieba's guess of words its dictionary lacks (the archive's words), or not (heads). */
  constructor(readonly hmm: boolean) {}

  /** The text as words (strings that join to it). */
  cut(text: string): string[] {
    this.used.add(text);
    let lengths = this.cuts.get(text);
    if (!lengths) {
      lengths = jiebaSegmenter().cut(text, this.hmm).map((w) => w.length);
      this.cuts.set(text, lengths);
    }
    const words: string[] = [];
    let at = 0;
    for (const n of lengths) words.push(text.slice(at, (at += n)));
    return words;
  }

  load(file: string): void {
    this.file = file;
    this.used.clear();
    this.inFile.clear();
    let kept: { segmenter?: string; cuts?: Record<string, unknown> };
    try {
      kept = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return;
    }
    if (!kept || typeof kept !== 'object' || kept.segmenter !== this.identity() || !kept.cuts || typeof kept.cuts !== 'object') return;
    for (const [text, lengths] of Object.entries(kept.cuts)) {
      if (!Array.isArray(lengths) || !lengths.every((n) => Number.isInteger(n) && n > 0) || lengths.reduce((a: number, n: number) => a + n, 0) !== text.length) continue;
      this.cuts.set(text, lengths);
      this.inFile.add(text);
    }
  }

  /** Writes the cuts of the texts cut since `load`, when the file lacked any, atomically; failures cost the next build its jieba only. */
  save(): void {
    if (!this.file || [...this.used].every((t) => this.inFile.has(t))) return;
    const cuts: Record<string, number[]> = {};
    for (const text of this.used) cuts[text] = this.cuts.get(text)!;
    try {
      writeAtomically(this.file, JSON.stringify({ segmenter: this.identity(), cuts }));
      for (const t of this.used) this.inFile.add(t);
    } catch {
      // not kept
    }
  }

  private identity(): string {
    return `${jiebaIdentity()} hmm ${this.hmm}`;
  }
}
