/**
 * The notices page on 100 generated notices of every type: quote = print for each one,
 * no company notice split, columns squared, every run traced to its notice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pageRuns } from '../../../src/frame/walk.js';
import { proofNotice } from '../../../src/layout/notices/proofNotice.js';
import { setNoticeBlock } from '../../../src/layout/notices/setNoticeBlock.js';
import { declarant, noticeMeasure, orderNotices, type NoticeToSet } from '../../../src/layout/notices/setNoticesPages.js';
import { pinyin } from 'pinyin-pro';
import { setLinesOf } from '../../../src/layout/notices/noticeLines.js';
import { COMPANY_TYPES, NOTICE_GROUPS, NOTICE_TYPES } from '../../../src/notices/schema/notice.js';
import { editionNotices } from '../../../src/layout/notices/editionNotices.js';
import { generatedNotices, grid, layoutCtx, noticeCtx, setOnPages, toSet } from './helpers.js';

let hundred: NoticeToSet[];
let set: ReturnType<typeof setOnPages>;

beforeAll(() => {
  const all = generatedNotices().map(toSet);
  // all notices that are not personal 遗失 items, topped up with those to 100
  const others = all.filter((n) => n.notice.type !== 'lost-person');
  hundred = [...others, ...all.filter((n) => n.notice.type === 'lost-person')].slice(0, 100);
  set = setOnPages(hundred, 3);
});

const runsOf = (page: { frame: Parameters<typeof pageRuns>[0] }) => pageRuns(page.frame);

describe('100 generated notices on the notices pages', () => {
  it('covers every notice type and sets all of them', () => {
    expect(hundred).toHaveLength(100);
    expect(new Set(hundred.map((n) => n.notice.type))).toEqual(new Set(NOTICE_TYPES));
    expect(set.remaining()).toEqual([]);
    expect(set.result.leftOut).toEqual([]);
    expect(set.result.notices.map((n) => n.id).sort()).toEqual(hundred.map((n) => n.id).sort());
  });

  it('quotes each notice for the lines it prints: page, proof and block agree', () => {
    const m = noticeMeasure(layoutCtx.style, layoutCtx.rateCard);
    for (const n of hundred) {
      const onPage = set.result.notices.find((s) => s.id === n.id)!;
      const page = set.items.find((p) => p.page === onPage.page)!;
      const printed = setLinesOf(page.items, n.id, { columnWidthPt: m.measure, gutterPt: set.result.pages[0].gutterPt, digitPair: true });
      const block = setNoticeBlock(n.id, n.file, n.text, m, layoutCtx.fonts);
      const proof = proofNotice(n, layoutCtx).quote;
      expect(printed.lines, n.file).toBe(block.lines.length);
      expect(onPage.quote.lines, n.file).toBe(printed.lines);
      expect(proof.lines, n.file).toBe(printed.lines);
      expect(proof.chars, n.file).toBe(printed.chars);
      expect(proof.total, n.file).toBe(onPage.quote.total);
      expect(printed.columns, n.file).toBe(1);
    }
  });

  it('never splits a notice (company notices above all) across columns or pages', () => {
    for (const n of hundred) {
      const places = set.items.flatMap((p) => runsOf(p).filter((r) => r.source.id === n.id).map((r) => `${p.page}@${r.x.toFixed(1)}`));
      expect(new Set(places).size, n.file).toBe(1);
    }
    const company = hundred.filter((n) => (COMPANY_TYPES as readonly string[]).includes(n.notice.type));
    expect(company.length).toBeGreaterThanOrEqual(8);
  });

  it('no two notices overlap in a column', () => {
    for (const p of set.items) {
      const spans = new Map<string, { x: number; top: number; bottom: number }>();
      for (const r of runsOf(p).filter((x) => x.source.component === 'notice')) {
        const s = spans.get(r.source.id) ?? { x: r.x, top: Infinity, bottom: -Infinity };
        spans.set(r.source.id, { x: s.x, top: Math.min(s.top, r.y - r.size), bottom: Math.max(s.bottom, r.y) });
      }
      const list = [...spans.values()].sort((a, b) => a.x - b.x || a.top - b.top);
      for (let i = 1; i < list.length; i++) {
        if (Math.abs(list[i].x - list[i - 1].x) < 1) expect(list[i].top).toBeGreaterThan(list[i - 1].bottom);
      }
    }
  });

  it('squares the columns: bottoms within one line of each other', () => {
    for (const p of set.result.pages) {
      const used = p.bottomsPt.filter((b) => b > 0);
      expect(used.length, p.page).toBeGreaterThan(0);
      expect(Math.max(...used) - Math.min(...used), p.page).toBeLessThanOrEqual(layoutCtx.style.pitch);
      expect(p.squarenessLines).toBeLessThanOrEqual(1);
    }
  });

  it('sets the groups in the spec order, each under its header', () => {
    const order = NOTICE_GROUPS.map((g) => g.id as string);
    const seen = set.result.notices.map((n) => order.indexOf(n.group));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const headers = set.items.flatMap((p) => runsOf(p).filter((r) => r.source.id.startsWith('notices-group-')).map((r) => r.source.id));
    expect(new Set(headers)).toEqual(new Set(['lost', 'void', 'liquidation', 'capital-reduction', 'merger-split', 'correction', 'missing-found'].map((g) => `notices-group-${g}`)));
  });

  it('traces every glyph run: a notice run names its notice, the rest is the header and group furniture', () => {
    const ids = new Set(hundred.map((n) => n.id));
    for (const p of set.items) {
      for (const r of runsOf(p)) {
        if (r.source.component === 'notice') expect(ids.has(r.source.id)).toBe(true);
        else expect(['furniture', 'notice-group']).toContain(r.source.component);
      }
      const header = runsOf(p).filter((r) => r.source.id === 'notices-header').map((r) => r.text).join('');
      expect(header).toContain('广告');
      expect(header).toContain(layoutCtx.desk.phone);
    }
  });
});

describe('overflow', () => {
  it('sends notices that do not fit to the next notices page, continuing the group', () => {
    const many = Array.from({ length: 3 }, (_, k) => hundred.map((n) => ({ ...n, id: `${n.id}-${k}` }))).flat();
    const s = setOnPages(many, 1);
    const left = s.remaining();
    expect(left.length).toBeGreaterThan(0);
    expect(s.result.notices.length + left.length).toBe(many.length);
    // the full page is squared too
    const used = s.result.pages[0].bottomsPt.filter((b) => b > 0);
    expect(Math.max(...used) - Math.min(...used)).toBeLessThanOrEqual(layoutCtx.style.pitch);
    const two = setOnPages(many, 2);
    expect(two.result.pages).toHaveLength(2);
    expect(two.result.notices.length).toBeGreaterThan(s.result.notices.length);
    // A group that runs over the page break is headed “（续）” on the next page.
    const groupOf = (id: string) => many.find((n) => n.id === id)!.text.group;
    const onPage = (p: string) => two.result.notices.filter((n) => n.page === p).map((n) => groupOf(n.id));
    const [first, second] = two.result.pages.map((p) => p.page);
    const continued = onPage(first).at(-1) === onPage(second)[0];
    const heads = runsOf(two.items[1]).filter((i) => i.source.id.startsWith('notices-group-')).map((r) => r.text).join('');
    expect(/续/.test(heads)).toBe(continued);
    // and with one group only, the break must fall inside it
    const lost = Array.from({ length: 12 }, (_, k) => hundred.filter((n) => n.text.group === 'lost').map((n) => ({ ...n, id: `${n.id}-L${k}` }))).flat();
    const onlyLost = setOnPages(lost, 2);
    expect(onlyLost.result.pages).toHaveLength(2);
    const lostHeads = runsOf(onlyLost.items[1]).filter((i) => i.source.id.startsWith('notices-group-'));
    expect(lostHeads.map((r) => r.text).join('')).toMatch(/续/);
  });
});

describe('order within a group', () => {
  it('is the order of acceptance by default, the declarant’s pinyin as an option', () => {
    const lost = hundred.filter((n) => n.text.group === 'lost').slice(0, 30);
    expect(orderNotices(lost).map((n) => n.id)).toEqual(lost.map((n) => n.id));
    const byPinyin = orderNotices(lost, 'pinyin').map((n) => pinyin(declarant(n.notice), { toneType: 'none' }));
    expect(byPinyin).toEqual([...byPinyin].sort());
    // the groups keep the spec's order either way
    const mixed = orderNotices([...hundred].reverse(), 'pinyin').map((n) => NOTICE_GROUPS.findIndex((g) => g.id === n.text.group));
    expect(mixed).toEqual([...mixed].sort((a, b) => a - b));
  });
});

describe('notices no page holds', () => {
  it('are reported as left out, by file, after the last notices page', () => {
    const many = Array.from({ length: 4 }, (_, k) => hundred.map((n) => ({ ...n, id: `${n.id}-${k}`, file: `${n.file}#${k}` }))).flat();
    const prepared = many.map((n) => ({ ok: true as const, checked: { id: n.id, file: n.file, notice: n.notice } as never, text: n.text, archiveText: null }));
    const ed = editionNotices(prepared, { fonts: layoutCtx.fonts, config: noticeCtx.config, rateCard: layoutCtx.rateCard, paperName: '泓州日报', pages: ['A05'] });
    ed.fill('A05', grid, 4, grid.linesPerColumn - 1);
    const left = ed.leftOut();
    expect(left.length).toBeGreaterThan(0);
    expect(ed.report.set.length + left.length).toBe(many.length);
    expect(ed.report.leftOut).toEqual(left);
    expect(left[0]).toMatchObject({ reasonEn: 'the notices pages are full' });
    expect(left.every((l) => many.some((n) => n.file === l.file))).toBe(true);
  });
});
