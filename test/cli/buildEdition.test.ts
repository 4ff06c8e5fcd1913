import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildEdition, UserError } from '../../src/index.js';
import { pageRuns } from '../../src/frame/walk.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/content');
const quiet = { log: () => {}, preview: false };

/** Every file under `dir` with its bytes, so a later build can be compared to it. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) files.set(f, fs.readFileSync(p));
  }
  return files;
}

/**
 * The small good edition of the loader tests, less its photo: its 5-line box leaves no room
 * for the picture under the heads, which the build refuses (the last case here).
 */
function buildableCopy(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-content-'));
  fs.cpSync(path.join(fixtures, 'good'), path.join(root, 'good'), { recursive: true });
  fs.cpSync(path.join(fixtures, 'templates'), path.join(root, 'templates'), { recursive: true });
  const lead = path.join(root, 'good/articles/a-lead.md');
  fs.writeFileSync(lead, fs.readFileSync(lead, 'utf8').replace(/^photos:\n(?:  .*\n)+/m, ''));
  return path.join(root, 'good/edition.yaml');
}

describe('zuban build', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-build-'));
  const edition = buildableCopy();
  const result = await buildEdition(edition, out, quiet);

  it('--- writes-pages-edition-and-report --- one PDF per page, the edition and report.json', () => {
    expect(result.files.sort()).toEqual(['edition.pdf', 'frame-archive.json', 'frame.json', 'pages/A01.pdf', 'pages/A02.pdf', 'report.json']);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.copyfit.map((a: { id: string }) => a.id)).toEqual(['lead', 'second', 'inside']);
  });

  it('--- page-pdf-text --- pdftotext finds each page’s heads in its own PDF and the 报眉 on page 2', () => {
    const text = (f: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(out, f), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const page of result.print.pages) {
      const heads = pageRuns(page).filter((r) => r.source.component === 'head').map((r) => r.text);
      expect(heads.length, page.label).toBeGreaterThan(0);
      for (const h of heads) expect(text(`pages/${page.label}.pdf`)).toContain(h.replace(/\s+/g, ''));
    }
    expect(text('pages/A02.pdf')).toContain('测试日报');
  });

  it.each(['wrong-type', 'unknown-page', 'overlap', 'missing-photo'])('--- bad-content-%s-leaves-out-intact --- the error names the file; out/ is byte-for-byte as it was', async (bad) => {
    const before = snapshot(out);
    const err = await buildEdition(path.join(fixtures, bad, 'edition.yaml'), out, quiet).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/\.(md|yaml): /);
    expect(snapshot(out)).toEqual(before);
    const builds = path.join(path.dirname(out), `.${path.basename(out)}.builds`);
    expect(fs.readdirSync(builds).filter((f) => f !== 'lock' && path.join(builds, f) !== fs.realpathSync(out))).toEqual([]);
  });

  it('--- photo-that-cannot-be-placed-stops-the-build --- naming the article and the field; out/ stays as it was', async () => {
    const before = snapshot(out);
    const err = await buildEdition(path.join(fixtures, 'good/edition.yaml'), out, quiet).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/a-lead\.md: photos\[0\]\./);
    expect(snapshot(out)).toEqual(before);
  });
});
