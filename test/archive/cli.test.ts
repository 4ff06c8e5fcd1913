import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/projectRoot.js';
import { sampleDocument } from './fixtures.js';

const bin = path.join(projectRoot, 'dist/bundle/zuban.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmp });
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-archive-cli-'));
  const doc = await sampleDocument(tmp);
  fs.writeFileSync(path.join(tmp, 'frame-archive.json'), JSON.stringify(doc));
  fs.writeFileSync(path.join(tmp, 'frame.json'), JSON.stringify({ ...doc, channel: 'print', pages: doc.pages.map((p) => ({ ...p, channel: 'print' })) }));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!fs.existsSync(bin))('zuban archive (the bundle)', () => {
  it('--- writes --- reads the archive frame and writes pages, ALTO, e-paper and METS', () => {
    const r = run('archive', 'frame-archive.json', '--out', 'arch');
    expect(r.stdout).toMatch(/^archive: 2 pages → arch \(6 files;/); // a result: stdout
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(tmp, 'arch')).sort()).toEqual(['alto', 'epaper.pdf', 'mets.xml', 'pages']);
  });

  it('--- refuses --- a missing frame and a print-channel frame exit 1, naming the file', () => {
    const missing = run('archive', 'nope.json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: not found/);
    const printed = run('archive', 'frame.json', '--out', 'arch2');
    expect(printed.status).toBe(1);
    expect(printed.stderr).toMatch(/frame\.json: archive: the document is of channel 'print'/);
    expect(fs.existsSync(path.join(tmp, 'arch2'))).toBe(false);
  });
});
