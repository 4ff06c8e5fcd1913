/**
 * Photo groups and captions beside (issue 13 item 4), on the page tree of the sample
 * edition: the 组图 on A02 (two pictures side by side, one caption under both) and the
 * caption beside the picture on A03 — rects and caption baselines on the grid; then the
 * front-matter errors.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/content/parseFiles.js';
import type { Block, ImageItem } from '../../../src/frame/types.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';
import { setEdition } from '../../../src/pipeline.js';
import { fonts } from '../../helpers/fonts.js';

const set = await setEdition('content/edition.yaml', fonts, { log: () => {} });
const grid = pageGrid(set.edition.templates.broadsheet);
const page = (label: string) => set.print.pages.find((p) => p.label === label)!;
const blocksOf = (label: string, id: string, component: string) => page(label).blocks.filter((b) => b.source.id === id && b.source.component === component);
const imagesOf = (bs: Block[]) => bs.flatMap((b) => b.graphics.filter((g): g is ImageItem => g.kind === 'image'));
const row = (y: number) => (y - grid.rowTop(1)) / grid.linePitch;
const isRowTop = (y: number) => Math.abs(row(y) - Math.round(row(y))) < 1e-6;
const isBaseline = (y: number) => isRowTop(y - grid.baselineOffset);

describe('组图 — A02 西山郊野步道', () => {
  const trail = set.edition.articles.find((a) => a.meta.id === 'trail')!;
  const col = trail.block.rect.col;
  const images = imagesOf(blocksOf('A02', 'trail', 'photo')).sort((a, b) => a.x - b.x);
  const captions = blocksOf('A02', 'trail', 'caption');

  it('--- two-cells-on-the-grid --- two pictures side by side, each two grid columns wide, a gutter apart, tops on a row', () => {
    expect(images).toHaveLength(2);
    expect(images[0].x).toBeCloseTo(grid.colX(col), 6);
    expect(images[1].x).toBeCloseTo(grid.colX(col + 2), 6);
    for (const im of images) {
      expect(im.w).toBeCloseTo(grid.span(2), 6);
      expect(isRowTop(im.y)).toBe(true);
    }
    expect(images[1].y).toBe(images[0].y);
    expect(images[1].h).toBe(images[0].h);
    expect(new Set(images.map((i) => i.asset)).size).toBe(2);
  });

  it('--- each-cropped-to-its-cell --- two crop jobs, one per file, each with its cell’s aspect', () => {
    const jobs = set.composed.photoJobs.filter((j) => j.asset.startsWith('trail-'));
    expect(jobs.map((j) => j.file)).toEqual(['photos/mountain-trail.jpg', 'photos/forest-stream.jpg']);
    for (const j of jobs) expect(j.crop.width / j.crop.height).toBeCloseTo(images[0].w / images[0].h, 2);
    expect(jobs[1].field).toBe('photos[0].group[1].file');
  });

  it('--- one-caption-under-both --- one caption block across both pictures, its baselines on the grid from the row under them', () => {
    expect(captions).toHaveLength(1);
    const lines = captions[0].lines;
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toContain('左图：望江段');
    for (const l of lines) {
      expect(l.x).toBeCloseTo(grid.colX(col), 6);
      expect(l.measure).toBeCloseTo(grid.span(4), 6);
      expect(isBaseline(l.baseline)).toBe(true);
    }
    const belowRow = Math.round(row(images[0].y + images[0].h));
    expect(lines[0].baseline).toBeCloseTo(grid.baseline(belowRow + 1), 6);
    // the credit under the caption, flush right
    const credit = blocksOf('A02', 'trail', 'credit')[0].lines[0];
    expect(credit.baseline).toBeCloseTo(lines[lines.length - 1].baseline + grid.linePitch, 6);
  });
});

describe('caption beside — A03 鸟类调查', () => {
  const birds = set.edition.articles.find((a) => a.meta.id === 'birds')!;
  const p = birds.photos[0];
  const col = birds.block.rect.col + p.place.col - 1;
  const [image] = imagesOf(blocksOf('A03', 'birds', 'photo'));
  const caption = blocksOf('A03', 'birds', 'caption')[0].lines;
  const credit = blocksOf('A03', 'birds', 'credit')[0].lines;

  it('--- picture-takes-the-other-columns --- the picture two columns wide, the caption the third, on the grid', () => {
    expect(image.x).toBeCloseTo(grid.colX(col), 6);
    expect(image.w).toBeCloseTo(grid.span(2), 6);
    for (const l of [...caption, ...credit]) {
      expect(l.x).toBeCloseTo(grid.colX(col + 2), 6);
      expect(l.measure).toBeCloseTo(grid.span(1), 6);
      expect(isBaseline(l.baseline)).toBe(true);
    }
  });

  it('--- foot-level-with-the-picture --- the credit sits on the picture’s last row, the caption above it', () => {
    const lastRow = Math.round(row(image.y + image.h + 0.4 * grid.charPt)) ;
    expect(credit[0].baseline).toBeCloseTo(grid.baseline(lastRow), 6);
    expect(caption[caption.length - 1].baseline).toBeCloseTo(credit[0].baseline - grid.linePitch, 6);
    expect(caption[0].baseline).toBeGreaterThan(image.y);
  });
});

describe('photo front matter', () => {
  const article = (photo: string) => `---\nid: t\npage: A02\ntitle: 标题\nplace: { col: 1, line: 4, cols: 4, lines: 30 }\nphotos:\n${photo}\n---\n正文。\n`;
  it('--- file-or-group --- both or neither is one message naming the field', () => {
    for (const p of ['  - { file: photos/a.jpg, group: [{ file: photos/b.jpg }, { file: photos/c.jpg }], caption: 图, place: { col: 1, line: 1, cols: 2, lines: 10 } }', '  - { caption: 图, place: { col: 1, line: 1, cols: 2, lines: 10 } }']) {
      const r = parseArticle(article(p), 'articles/t.md');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]).toMatchObject({ file: 'articles/t.md', field: 'photos[0].file' });
      if (!r.ok) expect(r.problems[0].reason).toMatch(/either file .* or group/);
    }
  });
  it('--- grid-too-small --- a 1×1 grid for two pictures is refused', () => {
    const r = parseArticle(article('  - { group: [{ file: photos/b.jpg }, { file: photos/c.jpg }], grid: [1, 1], caption: 图, place: { col: 1, line: 1, cols: 2, lines: 10 } }'), 'articles/t.md');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ field: 'photos[0].grid' });
  });
  it('--- caption-beside-needs-room --- a caption beside taking every column is refused', () => {
    const r = parseArticle(article('  - { file: photos/b.jpg, captionSide: left, captionCols: 2, caption: 图, place: { col: 1, line: 1, cols: 2, lines: 10 } }'), 'articles/t.md');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ field: 'photos[0].captionCols' });
  });
});
