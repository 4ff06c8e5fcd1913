import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/frame/types.js';
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

  it('--- bad-frame --- a frame naming a missing font file or font, two pages with one label, a label that is no file name: one diagnostic naming the field, exit 1, nothing written', () => {
    const good = JSON.parse(fs.readFileSync(path.join(tmp, 'frame-archive.json'), 'utf8')) as Document;
    const font = Object.keys(good.fonts)[0];
    const cases: [string, (d: Document) => void, RegExp][] = [
      ['font-file', (d) => (d.fonts[font].file = 'fonts/nope.otf'), new RegExp(`font-file\.json: fonts\.${font}\.file: fonts/nope\.otf not found`)],
      ['font-hash', (d) => (d.fonts[font].sha256 = '0'.repeat(64)), new RegExp(`font-hash\\.json: fonts\\.${font}\\.sha256: .* is not the font the frame was set with`)],
      ['run-font', (d) => (d.pages[0].blocks.find((b) => b.lines.length)!.lines[0].runs[0].font = 'zz'), /run-font\.json: pages\.0\.blocks\.\d+\.lines\.0\.runs\.0\.font: 'zz' is not in fonts/],
      ['same-label', (d) => (d.pages[1].label = d.pages[0].label), /same-label\.json: pages\.1\.label: 'A01' is the label of pages\.0 too/],
      ['path-label', (d) => (d.pages[0].label = '../x'), /path-label\.json: pages\.0\.label: '\.\.\/x' cannot name the page's files/],
    ];
    for (const [name, edit, message] of cases) {
      const d = structuredClone(good);
      edit(d);
      fs.writeFileSync(path.join(tmp, `${name}.json`), JSON.stringify(d));
      const r = run('archive', `${name}.json`, '--out', `out-${name}`);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).not.toMatch(/internal error|\n\s+at /);
      expect(r.status, name).toBe(1);
      expect(fs.readdirSync(tmp).filter((f) => f.startsWith(`out-${name}`) || f === 'x.pdf'), name).toEqual([]);
    }
  });

  it('--- bad-out --- --out a file, a folder that is not an archive, or under a file: refused, nothing of theirs lost', () => {
    fs.writeFileSync(path.join(tmp, 'keep.txt'), 'mine');
    fs.mkdirSync(path.join(tmp, 'build'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'build/frame.json'), '{}');
    const file = run('archive', 'frame-archive.json', '--out', 'keep.txt');
    expect(file.stderr).toMatch(/^zuban: keep\.txt: is a file, not an archive folder/);
    expect(file.status).toBe(1);
    expect(fs.readFileSync(path.join(tmp, 'keep.txt'), 'utf8')).toBe('mine');
    const folder = run('archive', 'frame-archive.json', '--out', 'build');
    expect(folder.stderr).toMatch(/^zuban: build: holds frame\.json, not an archive/);
    expect(folder.status).toBe(1);
    expect(fs.readdirSync(path.join(tmp, 'build'))).toEqual(['frame.json']);
    const under = run('archive', 'frame-archive.json', '--out', 'keep.txt/arch');
    expect(under.stderr).toMatch(/^zuban: keep\.txt\/arch: cannot write its folder .*keep\.txt \(not a folder\)/);
    expect(under.status).toBe(1);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // an old archive is replaced
    expect(run('archive', 'frame-archive.json', '--out', 'again').status).toBe(0);
    expect(run('archive', 'frame-archive.json', '--out', 'again').status).toBe(0);
  });
});
