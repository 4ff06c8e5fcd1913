import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/content/parseFiles.js';
import type { LoadedArticle, LoadedEdition } from '../../../src/content/loadEdition.js';
import { pageRuns } from '../../../src/frame/walk.js';
import { assemblePage } from '../../../src/layout/assemblePage.js';
import type { PageFrame } from '../../../src/layout/items.js';

const runsOf = (p: PageFrame) => pageRuns(assemblePage(p, { number: 1, channel: 'print' }));
import { composeEdition } from '../../../src/layout/page/composeEdition.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';
import type { Template } from '../../../src/model/schema/template.js';
import type { Edition } from '../../../src/model/schema/edition.js';
import { fonts } from '../../helpers/fonts.js';
import { fixtureParagraphs } from '../../helpers/workload.js';

const tpl = parseTemplate(fs.readFileSync(new URL('../../../templates/broadsheet.yaml', import.meta.url), 'utf8'), 'templates/broadsheet.yaml', 'broadsheet');
if (!tpl.ok) throw new Error('broadsheet template does not parse');
const broadsheet: Template = tpl.value;

/** mulberry32: a seeded generator, so the generated articles are the same every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const credits = { editor: '甲' };
function edition(pages: string[]): Edition {
  return {
    paper: '江城日报', cn: 'CN42-0001', date: '2026-11-24', issue: 12001, price: 1.5,
    publisher: { name: '江城日报社', address: '江城市新华路1号' }, printer: { name: '江城印务', address: '江城市印刷路2号' },
    templatesDir: '../templates',
    pages: pages.map((page, i) => ({ page, name: `第${i + 1}版`, template: 'broadsheet', credits, notices: false })),
  } as Edition;
}

function article(id: string, page: string, rect: LoadedArticle['block']['rect'], text: string, extra: Partial<LoadedArticle['meta']> = {}, continuation?: LoadedArticle['continuation']): LoadedArticle {
  const paras = text.split('\n').filter(Boolean);
  return {
    file: `articles/${id}.md`,
    meta: { id, page, rank: 'secondary', title: `标题${id}`, place: rect, photos: [], byline: '本报记者 林晓岚', ...extra } as LoadedArticle['meta'],
    body: paras.map((p) => ({ kind: 'para' as const, spans: [{ text: p }] })),
    block: { page, rect },
    continuation,
    photos: [],
  };
}

const nonSpace = (s: string) => [...s].filter((c) => !/\s/.test(c)).length;

describe('composeEdition — copyfit', () => {
  it('--- overflow-in-zi-equals-unset-text --- for 60 generated articles in different blocks, 0 difference', () => {
    const random = rng(7);
    const pages = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10'];
    const articles: LoadedArticle[] = [];
    // six blocks per page tiling lines 4–103: 3 rows × (3 + 5 columns), sizes vary by page
    pages.forEach((page, p) => {
      const split = 2 + (p % 5);
      const rows = [[4, 30 + p], [34 + p, 35], [69 + p, 35 - p]] as const;
      rows.forEach(([line, lines], r) => {
        for (const [col, cols] of [[1, split], [split + 1, 8 - split]] as const) {
          const n = 1 + Math.floor(random() * 14);
          const text = Array.from({ length: n }, () => fixtureParagraphs[Math.floor(random() * fixtureParagraphs.length)]).join('\n');
          articles.push(article(`a${p}-${r}-${col}`, page, { col, line, cols, lines }, text));
        }
      });
    });
    expect(articles.length).toBeGreaterThanOrEqual(50);
    const ed: LoadedEdition = { edition: edition(pages), templates: { broadsheet }, articles, diagnostics: [] };
    const out = composeEdition(ed, { fonts, photoInfo: new Map() });
    const runs = out.pages.flatMap(runsOf);
    let overset = 0;
    for (const a of articles) {
      const fit = out.articles.find((f) => f.id === a.meta.id)!;
      const total = nonSpace(a.meta.byline!) + a.body.reduce((n, b) => n + (b.kind === 'para' ? nonSpace(b.spans.map((s) => s.text).join('')) : 0), 0);
      const set = runs.filter((r) => r.source.id === a.meta.id && ['body', 'byline', 'subhead'].includes(r.source.component)).reduce((n, r) => n + nonSpace(r.text), 0);
      expect(fit.body.overChars, a.meta.id).toBe(total - set);
      expect(fit.body.usedChars, a.meta.id).toBe(set);
      if (fit.body.overLines) overset++;
    }
    // the generator makes both: articles that fit and articles that overflow
    expect(overset).toBeGreaterThan(5);
    expect(overset).toBeLessThan(articles.length - 5);
  });
});

describe('composeEdition — jumps', () => {
  const long = Array.from({ length: 8 }, () => fixtureParagraphs.join('\n')).join('\n');
  const build = (order: string[]) => {
    const jumping = article('bridge', 'A01', { col: 1, line: 17, cols: 3, lines: 30 }, long, {}, { page: 'A03', rect: { col: 1, line: 4, cols: 4, lines: 60 } });
    const ed: LoadedEdition = { edition: edition(order), templates: { broadsheet }, articles: [jumping], diagnostics: [] };
    const out = composeEdition(ed, { fonts, photoInfo: new Map() });
    const text = (page: string) => runsOf(out.pages.find((p) => p.id === page)!).filter((i) => i.source.component === 'jump').map((r) => r.text).join('');
    return { out, text };
  };

  it('--- jump-lines-name-the-final-page-numbers --- 转第N版 and 上接第N版 follow the order in edition.yaml', () => {
    const a = build(['A01', 'A02', 'A03']);
    expect(a.text('A01')).toBe('（转第3版）');
    expect(a.text('A03')).toBe('（上接第1版）');
    const b = build(['A01', 'A03', 'A02']);
    expect(b.text('A01')).toBe('（转第2版）');
    expect(b.text('A03')).toBe('（上接第1版）');
  });

  it('--- both-halves-keep-the-article-id --- the continuation’s runs carry the same id, and the text continues', () => {
    const { out } = build(['A01', 'A02', 'A03']);
    const body = (page: string) => runsOf(out.pages.find((p) => p.id === page)!).filter((i) => i.source.id === 'bridge' && i.source.component === 'body');
    expect(body('A01').length).toBeGreaterThan(50);
    expect(body('A03').length).toBeGreaterThan(50);
    const fit = out.articles[0];
    expect(fit.continuedOn).toBe('A03');
    expect(fit.body.overLines).toBe(0);
  });
});

describe('composeEdition — a jump onto a page of another template', () => {
  it('--- broken-at-each-slot’s-measure --- a broadsheet article continued on a tabloid page sets its rest at the tabloid’s column width, and no text is lost', () => {
    const tt = parseTemplate(fs.readFileSync(new URL('../../../templates/tabloid.yaml', import.meta.url), 'utf8'), 'templates/tabloid.yaml', 'tabloid');
    if (!tt.ok) throw new Error('tabloid template does not parse');
    const tabloid: Template = tt.value;
    const long = Array.from({ length: 4 }, () => fixtureParagraphs.join('\n')).join('\n');
    const a = article('bridge', 'A01', { col: 1, line: 17, cols: 3, lines: 30 }, long, {}, { page: 'B01', rect: { col: 1, line: 4, cols: tabloid.grid.columns, lines: tabloid.grid.linesPerColumn - 5 } });
    const ed: LoadedEdition = {
      edition: { ...edition(['A01']), pages: [...edition(['A01']).pages, { page: 'B01', name: '第2版', template: 'tabloid', credits: {}, notices: false }] } as Edition,
      templates: { broadsheet, tabloid }, articles: [a], diagnostics: [],
    };
    const out = composeEdition(ed, { fonts, photoInfo: new Map() });
    const bGrid = pageGrid(tabloid), aGrid = pageGrid(broadsheet);
    expect(bGrid.columnWidth).not.toBeCloseTo(aGrid.columnWidth, 1);
    const body = (page: string) => runsOf(out.pages.find((p) => p.id === page)!).filter((r) => r.source.id === 'bridge' && r.source.component === 'body');
    for (const r of body('A01')) expect(r.width).toBeCloseTo(aGrid.columnWidth, 6);
    expect(body('B01').length).toBeGreaterThan(20);
    for (const r of body('B01')) {
      expect(r.width).toBeCloseTo(bGrid.columnWidth, 6);
      // no glyph past its measure
      for (let i = 0; i < r.xs.length; i++) expect(r.xs[i] + r.advs[i]).toBeLessThanOrEqual(r.width + 0.5 * r.size + 1e-6);
    }
    // every character of the body is set once: first page + continuation (+ what is overset)
    const fit = out.articles[0];
    const total = a.body.reduce((n, b) => n + (b.kind === 'para' ? nonSpace(b.spans.map((x) => x.text).join('')) : 0), 0) + nonSpace(a.meta.byline ?? '');
    const set = [...body('A01'), ...body('B01'), ...runsOf(out.pages[0]).filter((r) => r.source.id === 'bridge' && r.source.component === 'byline')].reduce((n, r) => n + nonSpace(r.text), 0);
    expect(set + fit.body.overChars).toBe(total);
    expect(fit.body.usedChars).toBe(set);
  });
});

describe('composeEdition — photos', () => {
  // A 3-column photo is 41 字 × 9 pt = 369 pt = 5.125 in wide: 100 ppi needs 513 px.
  const rect = { col: 1, line: 4, cols: 4, lines: 40 };
  const photoPlace = { col: 1, line: 4, cols: 3, lines: 20 };
  const build = (width: number, height: number, focus?: [number, number]) => {
    const a = article('pic', 'A01', rect, fixtureParagraphs.join('\n'));
    a.meta.photos = [{ file: 'photos/p.jpg', caption: '图说文字。', credit: '本报记者 周航 摄', place: photoPlace, ...(focus ? { focus } : {}) }] as LoadedArticle['meta']['photos'];
    a.photos = [{ ...a.meta.photos[0], path: '/photos/p.jpg' }] as LoadedArticle['photos'];
    const ed: LoadedEdition = { edition: edition(['A01']), templates: { broadsheet }, articles: [a], diagnostics: [] };
    return composeEdition(ed, { fonts, photoInfo: new Map([['/photos/p.jpg', { width, height }]]) });
  };
  const photoDiag = (out: ReturnType<typeof build>) => out.diagnostics.filter((d) => d.field === 'photos.0.file');

  it('--- below-100-ppi-is-an-error --- naming the file, the field and the resolution', () => {
    const out = build(400, 300);
    expect(photoDiag(out)).toEqual([expect.objectContaining({ level: 'error', file: 'articles/pic.md', message: expect.stringMatching(/photos\/p\.jpg gives \d+ ppi .* at least 100 ppi is needed/) })]);
  });

  it('--- below-150-ppi-is-a-warning --- and 200 ppi or more is silent', () => {
    expect(photoDiag(build(700, 600)).map((d) => d.level)).toEqual(['warning']);
    expect(photoDiag(build(2400, 1800))).toEqual([]);
  });

  it('--- crop-to-the-box --- the crop has the box’s aspect, keeps the focus point, and is resized to 200 ppi', () => {
    const out = build(2400, 1200, [0.9, 0.5]);
    const img = out.pages[0].items.find((i) => i.kind === 'image')!;
    expect(img.source).toEqual({ id: 'pic', component: 'photo', para: 0 });
    const job = out.photoJobs[0];
    expect(job.crop.width / job.crop.height).toBeCloseTo(img.w / img.h, 2);
    // focus at 90 % across: the crop hugs the right edge
    expect(job.crop.left + job.crop.width).toBe(2400);
    expect(job.width).toBe(Math.round((img.w / 72) * 200));
    // the caption sits under the picture, in the article's id
    const caption = runsOf(out.pages[0]).filter((i) => i.source.component === 'caption');
    expect(caption.map((r) => r.text).join('')).toBe('图说文字。');
    expect(Math.min(...caption.map((r) => r.y))).toBeGreaterThan(img.y + img.h);
  });
});

describe('composeEdition — missing glyphs', () => {
  it('--- missing-glyph-names-file-and-field --- every character no font has is reported, each with its file and field, and every article is still looked at', () => {
    const a = article('emoji', 'A01', { col: 1, line: 4, cols: 4, lines: 20 }, `第一段。\n第二段有表情😀。`);
    const b = article('plain', 'A01', { col: 5, line: 4, cols: 4, lines: 20 }, fixtureParagraphs[0]);
    const c = article('head', 'A01', { col: 1, line: 30, cols: 4, lines: 20 }, fixtureParagraphs[0], { title: '标题🚀' });
    const ed: LoadedEdition = { edition: edition(['A01']), templates: { broadsheet }, articles: [a, b, c], diagnostics: [] };
    const out = composeEdition(ed, { fonts, photoInfo: new Map() });
    const errors = out.diagnostics.filter((d) => d.level === 'error');
    expect(errors.map((d) => [d.file, d.field, d.code])).toEqual([['articles/emoji.md', 'body ¶2', 'text.missing-glyph'], ['articles/head.md', 'title', 'text.missing-glyph']]);
    expect(errors[0].message).toMatch(/^缺字 “😀” \(U\+1F600\) at offset 6: not in 宋 NotoSerifSC-Regular nor in any fallback font/);
    expect(out.articles.map((f) => f.id)).toEqual(['emoji', 'plain', 'head']);
  });
});

describe('composeEdition — runs wider than the column', () => {
  it('--- cut-run-is-reported --- a 30-digit number in a 1-column block is cut to fit and reported with file and paragraph', () => {
    const a = article('digits', 'A01', { col: 1, line: 4, cols: 1, lines: 30 }, `第一段。\n编号123456789012345678901234567890已登记。`);
    const ed: LoadedEdition = { edition: edition(['A01']), templates: { broadsheet }, articles: [a], diagnostics: [] };
    const out = composeEdition(ed, { fonts, photoInfo: new Map() });
    const cut = out.diagnostics.filter((d) => d.code === 'text.cut-run');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ level: 'warning', file: 'articles/digits.md', field: 'body ¶2' });
    // and no glyph leaves the column
    for (const r of runsOf(out.pages[0]).filter((x) => x.source.id === 'digits')) for (let i = 0; i < r.xs.length; i++) expect(r.xs[i] + r.advs[i]).toBeLessThanOrEqual(r.width + 0.51 * r.size);
  });
});
