/**
 * The second paper's messages (issue 12): each names the file, the field and the reason —
 * an empty body, a head that does not fit (one message, not two that contradict), a photo at
 * line 1 of its block (no warning), the ppi after the crop, and what --strict fails on.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontBook } from '../src/fonts/fontBook.js';
import { setEdition } from '../src/pipeline.js';
import { projectRoot } from '../src/projectRoot.js';

const fonts = FontBook.load(projectRoot);

function edition(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-msg-'));
  fs.cpSync('content', path.join(dir, 'content'), { recursive: true });
  fs.rmSync(path.join(dir, 'content/notices'), { recursive: true });
  const f = path.join(dir, 'content/edition.yaml');
  fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^templatesDir:.*$/m, '').replace(/\n  # 声明[\s\S]*$/, '\n'));
  edit(path.join(dir, 'content'));
  return f;
}

const front = (file: string, fn: (fm: string) => string) => {
  const t = fs.readFileSync(file, 'utf8');
  const end = t.indexOf('\n---', 3);
  fs.writeFileSync(file, fn(t.slice(0, end)) + t.slice(end));
};

async function warnings(ed: string, strict = false): Promise<string[]> {
  const lines: string[] = [];
  await setEdition(ed, fonts, { strict, log: (l) => lines.push(l) });
  return lines;
}

describe('messages', () => {
  it('--- empty-body --- names the file and the field, never “undefined”', async () => {
    const ed = edition((d) => {
      const f = path.join(d, 'articles/a04-essay.md');
      const t = fs.readFileSync(f, 'utf8');
      fs.writeFileSync(f, t.slice(0, t.indexOf('\n---', 3) + 4) + '\n');
    });
    const w = await warnings(ed);
    expect(w.join('\n')).not.toMatch(/undefined/);
    expect(w).toContainEqual(expect.stringMatching(/^warning: .*articles\/a04-essay\.md: body: the article has no body text below its front matter$/));
  }, 60_000);

  it('--- head-over --- one message: does not fit even at the smallest size; --strict fails on it', async () => {
    const ed = edition((d) => front(path.join(d, 'articles/a02-pets.md'), (fm) => fm.replace(/^title: .*$/m, `title: ${'犬只狂犬病免费免疫开始预约'.repeat(6)}`)));
    const w = (await warnings(ed)).filter((l) => l.includes('a02-pets.md') && l.includes(': title:'));
    expect(w).toEqual([expect.stringMatching(/a02-pets\.md: title: does not fit in \d line\(s\): even at the smallest allowed size \([\d.]+ pt, \d size\(s\) down\) it takes \d+ lines, \d+ too many — shorten it$/)]);
    await expect(setEdition(ed, fonts, { strict: true, log: () => {} })).rejects.toThrow(/a02-pets\.md: title: does not fit .*\(--strict\)/);
  }, 60_000);

  it('--- photo-at-line-1 --- a photo at the top of its block goes under the heads without a warning', async () => {
    const ed = edition((d) => front(path.join(d, 'articles/a02-pets.md'), (fm) => fm.replace('place: { col: 3, line: 6, cols: 2, lines: 21 }', 'place: { col: 3, line: 1, cols: 2, lines: 21 }')));
    const w = await warnings(ed);
    expect(w.filter((l) => l.includes('moved down'))).toEqual([]);
  }, 60_000);

  it('--- photo-ppi-after-crop --- the ppi is the one after cropping to the box, named with the field; --strict fails on it', async () => {
    const ed = edition((d) => {
      const f = path.join(d, 'photos/dogs.jpg');
      fs.writeFileSync(f, execFileSync(process.execPath, ['-e', `require('sharp')(${JSON.stringify(f)}).resize({ width: 460 }).jpeg().toBuffer().then((b) => process.stdout.write(b))`], { cwd: process.cwd() }));
    });
    const w = (await warnings(ed)).filter((l) => l.includes('a02-pets.md'));
    expect(w).toContainEqual(expect.stringMatching(/^warning: .*articles\/a02-pets\.md: photos\[0\]\.file: photos\/dogs\.jpg gives only \d+ ppi at \d+ mm wide after cropping to the box \(\d+×\d+ of 460×\d+ px kept; 150 ppi recommended\)$/));
    await expect(setEdition(ed, fonts, { strict: true, log: () => {} })).rejects.toThrow(/a02-pets\.md: photos\[0\]\.file: photos\/dogs\.jpg gives only \d+ ppi .*after cropping to the box.*\(--strict\)/);
  }, 60_000);

  it('--- underset --- reported per article body with the lines to fill; --strict fails on it', async () => {
    const ed = edition((d) => {
      const f = path.join(d, 'articles/a04-essay.md');
      const t = fs.readFileSync(f, 'utf8');
      const end = t.indexOf('\n---', 3) + 4;
      fs.writeFileSync(f, t.slice(0, end) + '\n' + t.slice(end).trim().split('\n')[0].slice(0, 40) + '\n');
    });
    const set = await setEdition(ed, fonts, { log: () => {} });
    const d = set.diagnostics.find((x) => x.file?.endsWith('a04-essay.md') && x.field === 'body');
    expect(d?.message).toMatch(/^underset: \d+ of \d+ lines empty \(about \d+ 字 to fill; the template allows 11\)$/);
    await expect(setEdition(ed, fonts, { strict: true, log: () => {} })).rejects.toThrow(/a04-essay\.md: body: underset: \d+ of \d+ lines empty .*\(--strict\)/);
  }, 60_000);

  it('--- latin-word-broken --- a Latin word broken across lines names the file and the paragraph once', async () => {
    const ed = edition((d) => {
      const f = path.join(d, 'articles/a02-pets.md');
      const t = fs.readFileSync(f, 'utf8');
      const end = t.indexOf('\n---', 3) + 4;
      fs.writeFileSync(f, t.slice(0, end) + '\nThe word Supercalifragilisticexpialidociously-internationalization is long.\n');
    });
    const w = (await warnings(ed)).filter((l) => l.includes('a02-pets.md') && l.includes('broken'));
    expect(w).toContainEqual(expect.stringMatching(/^warning: .*articles\/a02-pets\.md: body ¶1: "Supercalifragilisticexpi…" is (broken across lines|wider than the column and was broken inside)$/));
    for (const l of w) expect(l).not.toMatch(/pets body/);
  }, 60_000);
});

describe('the notices page of another paper', () => {
  it('--- no-desk --- an edition whose paper has no notices desk is refused, named, never set with the sample paper’s phone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-paper2-'));
    fs.cpSync('content', path.join(dir, 'content'), { recursive: true });
    const f = path.join(dir, 'content/edition.yaml');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^templatesDir:.*$/m, '').replace(/^paper: .*$/m, 'paper: 江城晚报'));
    const err = await setEdition(f, fonts, { log: () => {} }).then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(/content\/edition\.yaml: notices: missing — the notices page A05 needs the desk of “江城晚报” for its header: add notices: \{ desk: \{ phone, address, hours, wechat \} \} to edition\.yaml, or a paper named 江城晚报 under papers: in .*templates\/notices\.yaml/);
    expect(err?.message).not.toMatch(/0745-2861234/);
  }, 60_000);
});
