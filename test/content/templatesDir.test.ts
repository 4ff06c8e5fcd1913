/**
 * An edition kept outside the repository: without `templatesDir` it uses zuban's own
 * templates; a templatesDir that does not exist is named with the file, field and reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/content/loadEdition.js';
import { projectRoot } from '../../src/projectRoot.js';

function outside(templatesLine: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-outside-'));
  fs.cpSync('content', path.join(dir, 'paper'), { recursive: true });
  const f = path.join(dir, 'paper/edition.yaml');
  fs.writeFileSync(f, `${fs.readFileSync(f, 'utf8').replace(/^templatesDir:.*$/m, '')}\n${templatesLine}\n`);
  return f;
}

describe('templatesDir', () => {
  it('--- default --- left out, an edition outside the repository uses the installation’s templates', () => {
    const ed = loadEdition(outside(''));
    expect(ed.edition.templatesDir).toBe(path.join(projectRoot, 'templates'));
    expect(Object.keys(ed.templates)).toEqual(['broadsheet']);
  });

  it('--- missing --- a templatesDir that does not exist names edition.yaml, the field and the reason', () => {
    const f = outside('templatesDir: ../nowhere');
    expect(() => loadEdition(f)).toThrow(/edition\.yaml.*templatesDir.*templates folder .*nowhere does not exist \(templatesDir in edition\.yaml, relative to its folder\)/s);
  });
});
