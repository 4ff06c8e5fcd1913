/**
 * Word starts kept across builds (.zuban-cache/words.json): a kept cut is used as it is
 * (jieba is not asked), only the texts asked for are written back, and a file of another
 * segmenter, a corrupt file or an offset out of range is not trusted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { jiebaIdentity } from '../../src/jieba.js';
import { loadWordStarts, saveWordStarts, wordStarts } from '../../src/text/wordStarts.js';

const starts = (a: Uint8Array) => [...a.keys()].filter((i) => a[i]);

it('--- word-cuts-kept --- read back as kept, written for the texts used, refused from another segmenter', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-words-'));
  const file = path.join(dir, 'words.json');
  // a cut jieba would never make (every character a word but 泓江 split oddly): proof the file answered
  const odd = '泓江三桥今日通车';
  fs.writeFileSync(file, JSON.stringify({ segmenter: `${jiebaIdentity()} hmm false`, cuts: { [odd]: [3, 5], 坏的: [99] } }));
  loadWordStarts(file);
  expect(starts(wordStarts(odd))).toEqual([0, 3, 8]);
  const fresh = '北岸新区迎来发展快车道';
  expect(starts(wordStarts(fresh))).toEqual([0, 2, 4, 6, 8, 11]); // from jieba
  expect(starts(wordStarts('坏的'))).toEqual([0, 1, 2]); // jieba's: the kept cut of 99 characters was not trusted
  saveWordStarts();
  const kept = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(kept.segmenter).toBe(`${jiebaIdentity()} hmm false`);
  expect(Object.keys(kept.cuts).sort()).toEqual([odd, fresh, '坏的'].sort());
  expect(kept.cuts[fresh]).toEqual([2, 2, 2, 2, 3]);
  // another jieba's cuts are ignored
  const other = '江声里听见一座城';
  fs.writeFileSync(file, JSON.stringify({ segmenter: 'jieba 0.0.1 hmm false', cuts: { [other]: [8] } }));
  loadWordStarts(file);
  expect(starts(wordStarts(other))).not.toEqual([0, 8]);
  fs.writeFileSync(file, '{not json');
  expect(() => loadWordStarts(file)).not.toThrow();
  fs.writeFileSync(file, 'null');
  expect(() => loadWordStarts(file)).not.toThrow();
  fs.rmSync(dir, { recursive: true, force: true });
});
