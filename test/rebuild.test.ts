/**
 * Incremental rebuilds (src/rebuild.ts): after one article is edited only its page is set and
 * rendered again, and the output is byte for byte what a full build of the same files gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../src/pipeline.js';
import { Rebuilder } from '../src/rebuild.js';

describe('Rebuilder', () => {
  it('--- one-page --- an edit on A03 sets A03 again, keeps the rest, and equals a full build', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-rebuild-'));
    fs.cpSync('content', path.join(root, 'content'), { recursive: true });
    fs.cpSync('templates', path.join(root, 'templates'), { recursive: true });
    const ed = path.join(root, 'content/edition.yaml');
    const lines: string[] = [];
    const r = new Rebuilder(ed, path.join(root, 'out'), { preview: false, log: () => {}, result: (l) => lines.push(l) });
    const first = await r.build();
    expect(first.rebuilt).toEqual(['A01', 'A02', 'A03', 'A04', 'A05']);
    const a01pdf = fs.statSync(path.join(root, 'out/pages/A01.pdf')).ino;

    const f = path.join(root, 'content/articles/a03-birds.md');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('本报讯', '本报讯（记者补充）'));
    const second = await r.build();
    expect(second.rebuilt).toEqual(['A03']);
    expect(lines.at(-1)).toMatch(/^built 5 pages in \d+\.\d\d s — set again: A03 \(4 kept\)/);
    // a kept page's PDF is the previous build's file, linked
    expect(fs.statSync(path.join(root, 'out/pages/A01.pdf')).ino).toBe(a01pdf);

    // a jump ties two pages: a01-science-fair goes on on A02
    const g = path.join(root, 'content/articles/a01-science-fair.md');
    fs.writeFileSync(g, fs.readFileSync(g, 'utf8').replace('本报讯', '本报讯（更新）'));
    expect((await r.build()).rebuilt).toEqual(['A01', 'A02']);
    await r.close();

    await buildEdition(ed, path.join(root, 'full'), { preview: false, log: () => {}, result: () => {} });
    for (const file of ['frame.json', 'frame-archive.json', 'report.json', 'pages/A01.pdf', 'pages/A03.pdf', 'pages/A04.pdf']) {
      expect(fs.readFileSync(path.join(root, 'out', file)).equals(fs.readFileSync(path.join(root, 'full', file))), file).toBe(true);
    }
  }, 240_000);

  it('--- proof-under-watch --- with --proof a rebuild draws the proof of the edited page again, keeps the others, and equals a full build', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-rebuild-'));
    fs.cpSync('content', path.join(root, 'content'), { recursive: true });
    fs.cpSync('templates', path.join(root, 'templates'), { recursive: true });
    const ed = path.join(root, 'content/edition.yaml');
    const out = path.join(root, 'out');
    const r = new Rebuilder(ed, out, { preview: false, proof: true, editionPdfLater: true, log: () => {}, result: () => {} });
    await r.build();
    expect(fs.readdirSync(path.join(out, 'proof')).sort()).toEqual(['A01.pdf', 'A02.pdf', 'A03.pdf', 'A04.pdf', 'A05.pdf']);
    expect(fs.existsSync(path.join(out, 'edition-proof.pdf'))).toBe(true);
    const a01 = fs.statSync(path.join(out, 'proof/A01.pdf')).ino;
    const a03 = fs.readFileSync(path.join(out, 'proof/A03.pdf'));

    // A03's article made far too long: its proof gains a 溢出 mark
    const f = path.join(root, 'content/articles/a03-birds.md');
    const text = fs.readFileSync(f, 'utf8');
    fs.writeFileSync(f, text + '\n' + text.split('---').at(-1)!.repeat(4));
    expect((await r.build()).rebuilt).toEqual(['A03']);
    expect(fs.statSync(path.join(out, 'proof/A01.pdf')).ino).toBe(a01);
    expect(fs.readFileSync(path.join(out, 'proof/A03.pdf')).equals(a03)).toBe(false);
    await r.finishEditionPdf();
    await r.close();

    await buildEdition(ed, path.join(root, 'full'), { preview: false, proof: true, log: () => {}, result: () => {} });
    for (const file of ['proof/A01.pdf', 'proof/A03.pdf', 'edition-proof.pdf', 'edition.pdf']) {
      expect(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(root, 'full', file))), file).toBe(true);
    }
  }, 240_000);
});
