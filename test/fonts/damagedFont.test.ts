/**
 * A damaged font file is a UserError naming fonts.json, the role and the damage when the
 * face is opened — a truncated copy was opened without a word and failed later, deep in a
 * glyph, as an internal RangeError.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontBook, projectRoot, UserError } from '../../src/index.js';

/** A project root whose 宋 is the first `bytes` bytes of the real one (the other roles as installed). */
function rootWithTruncatedSong(bytes: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-font-'));
  const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'fonts/fonts.json'), 'utf8'));
  for (const r of Object.values(config.roles) as { file: string }[]) r.file = path.resolve(projectRoot, r.file);
  fs.mkdirSync(path.join(root, 'fonts'));
  fs.writeFileSync(path.join(root, 'fonts/song.ttf'), fs.readFileSync(config.roles.song.file).subarray(0, bytes));
  config.roles.song.file = 'fonts/song.ttf';
  fs.writeFileSync(path.join(root, 'fonts/fonts.json'), JSON.stringify(config));
  return root;
}

describe('a damaged font file', () => {
  it.each([20_000, 2_000_000])('--- truncated-font --- cut at %i bytes: a UserError naming the role and the truncation', (bytes) => {
    const book = FontBook.load(rootWithTruncatedSong(bytes));
    let err: unknown;
    try {
      const f = book.face('song');
      f.adv(0x6cd3);
      f.inkX(0x6cd3);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/fonts\.json: roles\.song\.file: fonts\/song\.ttf is damaged: table \S+ ends at byte \d+, past the end of the file \(\d+ bytes\): the file is truncated/);
    // the whole file still opens
    expect(() => FontBook.load(projectRoot).face('song')).not.toThrow();
  });
});
