/**
 * A file where the edition's folders belong (articles/, notices/, the templates folder) is a
 * UserError naming it — each was an internal error (ENOTDIR from readdir, exit 70).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setEdition, UserError } from '../../src/index.js';
import { fonts } from '../helpers/fonts.js';

/** A copy of the sample edition (templates beside it) with the folder `rel` replaced by a file. */
function withFileFor(rel: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-folders-'));
  fs.cpSync('content', path.join(root, 'content'), { recursive: true });
  fs.cpSync('templates', path.join(root, 'templates'), { recursive: true });
  fs.rmSync(path.join(root, rel), { recursive: true });
  fs.writeFileSync(path.join(root, rel), 'x');
  return path.join(root, 'content/edition.yaml');
}

const quiet = { log: () => {} };

describe('a file where a folder belongs', () => {
  it.each([
    ['content/articles', /content\/articles: is a file, not a folder: the articles \(\*\.md\) are read from the folder articles\//],
    ['content/notices', /content\/notices: is a file, not a folder: the notices \(\*\.yaml\) are read from the folder notices\//],
    ['templates', /edition\.yaml: templatesDir: .*templates is a file, not a folder/],
  ])('--- %s-is-a-file --- named, as a UserError', async (rel, message) => {
    const err = await setEdition(withFileFor(rel), fonts, quiet).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
  }, 60_000);
});
