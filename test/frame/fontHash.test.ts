/**
 * The fonts' SHA-256 in the page tree, kept across runs by stat (fontSha256): a hit gives
 * the file's real hash, and a font replaced in place — same size, its mtime put back — is
 * hashed again (its ctime moved), as is a corrupt cache entry.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fontSha256 } from '../../src/frame/document.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

it('--- font-hash-cache --- kept by stat, hashed again when the file is replaced or the entry is bad', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-fonthash-'));
  const font = path.join(root, 'a.ttf');
  const one = Buffer.alloc(4096, 1), two = Buffer.alloc(4096, 2);
  fs.writeFileSync(font, one);
  const { mtime } = fs.statSync(font);
  expect(fontSha256(font, root)).toBe(sha(one));
  const cache = path.join(root, 'fonts/cache/sha256.json');
  expect(JSON.parse(fs.readFileSync(cache, 'utf8'))[font].sha256).toBe(sha(one));
  expect(fontSha256(font, root)).toBe(sha(one)); // from the cache
  await new Promise((r) => setTimeout(r, 20));
  fs.writeFileSync(font, two); // same size
  fs.utimesSync(font, mtime, mtime); // and the old mtime: only ctime tells
  expect(fontSha256(font, root)).toBe(sha(two));
  // an entry whose stat matches but whose hash is not one is not trusted
  const c = JSON.parse(fs.readFileSync(cache, 'utf8'));
  c[font].sha256 = 'bad';
  fs.writeFileSync(cache, JSON.stringify(c));
  expect(fontSha256(font, root)).toBe(sha(two));
  fs.rmSync(root, { recursive: true, force: true });
});
