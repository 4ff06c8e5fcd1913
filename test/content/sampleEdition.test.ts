/**
 * The sample edition in content/: it loads cleanly, tiles every page, and keeps the shape
 * issue 5 asks of it (a lead with a photo, 4–8 articles a page, one jump, real photos
 * with their licences listed).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { loadEdition, type LoadedArticle } from '../../src/content/loadEdition.js';

const root = join(import.meta.dirname, '../..');
const sample = loadEdition(join(root, 'content/edition.yaml'));

/** Characters of a body in 字: full-width characters count 1, half-width 0.5. */
function lengthInZi(a: LoadedArticle): number {
  const text = a.body.map((b) => (b.kind === 'subhead' ? b.text : b.spans.map((s) => s.text).join(''))).join('');
  let n = 0;
  for (const ch of text.replace(/\s/g, '')) n += /[\u0020-\u024f]/.test(ch) ? 0.5 : 1;
  return n;
}

describe('the sample edition', () => {
  it('loads without diagnostics (every page tiled, no unsupported Markdown)', () => {
    expect(sample.diagnostics).toEqual([]);
  });

  it('has at least four broadsheet pages', () => {
    expect(sample.edition.pages.length).toBeGreaterThanOrEqual(4);
    expect(sample.edition.pages.every((p) => p.template === 'broadsheet')).toBe(true);
    expect(sample.edition.date).toBe('2026-11-24');
  });

  it('puts 5–7 articles on the front page and 4–8 on every other page but the notices page', () => {
    for (const [i, p] of sample.edition.pages.entries()) {
      const n = sample.articles.filter((a) => a.meta.page === p.page).length;
      if (p.notices) {
        expect(n, p.page).toBe(0);
        continue;
      }
      if (i === 0) expect(n, p.page).toBeGreaterThanOrEqual(5);
      if (i === 0) expect(n, p.page).toBeLessThanOrEqual(7);
      else expect(n, p.page).toBeGreaterThanOrEqual(4);
      expect(n, p.page).toBeLessThanOrEqual(8);
    }
  });

  it('has a front-page lead of 1,200–1,800 字 with a photo', () => {
    const leads = sample.articles.filter((a) => a.meta.page === 'A01' && a.meta.rank === 'lead');
    expect(leads).toHaveLength(1);
    expect(leads[0].photos.length).toBeGreaterThan(0);
    const n = lengthInZi(leads[0]);
    expect(n).toBeGreaterThanOrEqual(1200);
    expect(n).toBeLessThanOrEqual(1800);
  });

  it('keeps briefs at 120–250 字 and secondary stories at 300–900 字', () => {
    for (const a of sample.articles) {
      const n = lengthInZi(a);
      if (a.meta.rank === 'brief') {
        expect(n, a.meta.id).toBeGreaterThanOrEqual(120);
        expect(n, a.meta.id).toBeLessThanOrEqual(250);
      } else if (a.meta.rank === 'secondary') {
        expect(n, a.meta.id).toBeGreaterThanOrEqual(300);
        expect(n, a.meta.id).toBeLessThanOrEqual(900);
      }
    }
  });

  it('has exactly one front-page story that jumps to a later page (a chain: a second block on A01, then A02)', () => {
    const jumps = sample.articles.filter((a) => a.continuation);
    expect(jumps).toHaveLength(1);
    expect(jumps[0].meta.page).toBe('A01');
    expect(jumps[0].chain!.map((h) => h.page)).toEqual(['A01', 'A02']);
  });

  it('uses real photographs of at most 2,400 px and 700,000 bytes, each listed in LICENSES.md', async () => {
    const licences = readFileSync(join(root, 'content/photos/LICENSES.md'), 'utf8');
    const photos = sample.articles.flatMap((a) => a.photos);
    expect(photos.length).toBeGreaterThanOrEqual(6);
    for (const p of photos) {
      expect(statSync(p.path).size, p.file).toBeLessThanOrEqual(700_000);
      const meta = await sharp(p.path).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0), p.file).toBeLessThanOrEqual(2400);
      expect(licences, p.file).toContain(`\`${basename(p.file)}\``);
      expect(p.credit, p.file).toMatch(/CC BY/);
    }
  });

  it('uses the Markdown the format supports: subheads, bold and a quote somewhere', () => {
    const blocks = sample.articles.flatMap((a) => a.body);
    expect(blocks.some((b) => b.kind === 'subhead')).toBe(true);
    expect(blocks.some((b) => b.kind === 'quote')).toBe(true);
    expect(blocks.some((b) => b.kind !== 'subhead' && b.spans.some((s) => s.bold))).toBe(true);
  });
});
