/** Pricing: every expected total below is worked out by hand in its comment. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Source } from '../../src/frame/types.js';
import type { FrameItem, PlacedLine } from '../../src/layout/items.js';
import { setLinesOf } from '../../src/layout/notices/noticeLines.js';
import { billableChars, quoteNotice, type SetLines } from '../../src/notices/pricing.js';
import { readRateCard, type RateCard } from '../../src/notices/rateCard.js';
import { liquidation, lostId, lostSeal, merger, parseNotice } from './noticeYaml.js';

const card = readRateCard(readFileSync('templates/ratecard.yaml', 'utf8'), 'templates/ratecard.yaml');
const set = (lines: number, extra: Partial<SetLines> = {}): SetLines => ({ lines, chars: lines * 13, columns: 1, heightPt: lines * 13.5, ...extra });
const withCard = (patch: (c: RateCard) => void): RateCard => {
  const c = structuredClone(card);
  patch(c);
  return c;
};

describe('quoteNotice with templates/ratecard.yaml (¥30 a line, minimum ¥100, company minimum ¥300)', () => {
  it('bills set lines: 5 lines × ¥30 = ¥150', () => {
    const q = quoteNotice(parseNotice(lostId()), set(5), card);
    expect(q).toMatchObject({ lines: 5, unit: 'line', unitLabel: '行', quantity: 5, rate: 30, base: 150, minimumApplied: false, perInsertion: 150, insertions: 1, total: 150, currency: 'CNY' });
    expect(q.extras).toEqual([]);
  });

  it('applies the minimum charge: 3 lines × ¥30 = ¥90 < ¥100 → ¥100', () => {
    const q = quoteNotice(parseNotice(lostId()), set(3), card);
    expect(q).toMatchObject({ base: 90, minimumApplied: true, perInsertion: 100, total: 100 });
  });

  it('adds extras on top and bills each run date: (4 × 30 + box 30 + logo 100) × 2 days = ¥500', () => {
    const q = quoteNotice(parseNotice(lostId('box: true\nlogo: logo.png\n', '[2026-11-24, 2026-11-25]')), set(4), card);
    expect(q.extras).toEqual([
      { name: 'box', amount: 30 },
      { name: 'logo', amount: 100 },
    ]);
    expect(q).toMatchObject({ base: 120, perInsertion: 250, insertions: 2, total: 500 });
  });

  it('extras come on top of the minimum: 2 lines (¥60 → minimum ¥100) + box ¥30 = ¥130', () => {
    const q = quoteNotice(parseNotice(lostId('box: true\n')), set(2), card);
    expect(q).toMatchObject({ minimumApplied: true, perInsertion: 130 });
  });

  it('a bold title is never billed on a type that prints no title (a lost-item notice)', () => {
    const q = quoteNotice(parseNotice(lostId('boldTitle: true\n')), set(2), card);
    expect(q).toMatchObject({ extras: [], perInsertion: 100 });
  });

  it('a company notice gets its bold title free: 18 × 30 = 540 + box 30 + bold 0 = ¥570', () => {
    const q = quoteNotice(parseNotice(merger('box: true\nboldTitle: true\n')), set(18), card);
    expect(q.extras).toEqual([
      { name: 'box', amount: 30 },
      { name: 'boldTitle', amount: 0 },
    ]);
    expect(q.total).toBe(570);
  });

  it('company minimum: 8 lines × 30 = 240 < 300 → ¥300', () => {
    expect(quoteNotice(parseNotice(liquidation()), set(8), card)).toMatchObject({ base: 240, minimumApplied: true, total: 300 });
  });

  it('a seal is billed per item: ¥150 whatever its lines', () => {
    const q = quoteNotice(parseNotice(lostSeal()), set(7), card);
    expect(q).toMatchObject({ unit: 'item', quantity: 1, rate: 150, total: 150, lines: 7 });
  });

  it('corrections are free', () => {
    const corr = parseNotice(`type: correction
published: 2026-11-20
page: A05
title: 秋粮入库
wrong: 三千吨
right: 三万吨
run: { dates: [2026-11-24] }
consent: { by: 值班编辑, relation: paper, at: 2026-11-23, method: email, scope: [print, epaper, archive] }
`);
    expect(quoteNotice(corr, set(3), card)).toMatchObject({ free: true, total: 0 });
  });
});

describe('other units and rounding', () => {
  it('per 字 at ¥4.3, rounded up to the yuan: 37 × 4.3 = 159.1 → ¥160 (not 159)', () => {
    const c = withCard((x) => {
      x.unit = 'char';
      x.char.yuan = 4.3;
    });
    expect(quoteNotice(parseNotice(lostId()), set(3, { chars: 37 }), c)).toMatchObject({ unit: 'char', quantity: 37, base: 159.1, perInsertion: 160 });
  });

  it('per started block of 50 字 at ¥250: 51 字 = 2 blocks = ¥500', () => {
    const c = withCard((x) => {
      x.unit = 'char';
      x.char = { block: 50, yuan: 250, digitPair: true };
    });
    expect(quoteNotice(parseNotice(lostId()), set(4, { chars: 51 }), c)).toMatchObject({ quantity: 2, total: 500 });
  });

  it('half-up rounding to ¥10: 37 × 4.3 = 159.1 → 160; 36 × 4.3 = 154.8 → 150', () => {
    const c = withCard((x) => {
      x.unit = 'char';
      x.char.yuan = 4.3;
      x.rounding = { step: 10, mode: 'half-up' };
    });
    const n = parseNotice(lostId());
    expect(quoteNotice(n, set(3, { chars: 37 }), c).perInsertion).toBe(160);
    expect(quoteNotice(n, set(3, { chars: 36 }), c).perInsertion).toBe(150);
  });

  it('per column·cm, height up to 0.5 cm: 2 columns × 100 pt (3.53 cm → 4.0) × ¥60 = ¥480; exactly 3 cm stays 3', () => {
    const c = withCard((x) => {
      x.unit = 'colcm';
    });
    const n = parseNotice(lostId());
    expect(quoteNotice(n, set(7, { columns: 2, heightPt: 100 }), c)).toMatchObject({ unit: 'colcm', quantity: 8, total: 480 });
    // 3 cm = 3 × 72 / 2.54 pt = 85.039… pt → 2 × 3 × 60 = 360
    expect(quoteNotice(n, set(6, { columns: 2, heightPt: (3 * 72) / 2.54 }), c).total).toBe(360);
  });

  it('first line ¥30, each further line ¥40 (spec: “+¥40 for each further 13 characters”): 4 lines = 30 + 3 × 40 = ¥150', () => {
    const c = withCard((x) => {
      x.line = { charsPerLine: 13, yuan: 40, includedLines: 1, baseYuan: 30 };
    });
    expect(quoteNotice(parseNotice(lostId()), set(4), c)).toMatchObject({ base: 150, total: 150 });
  });
});

describe('billableChars (spec §5 counting rule)', () => {
  it('Han characters, punctuation 1 each; 2 consecutive digits 1', () => {
    // 张明遗失居民身份证 9 + ， 1 + 证号 2 + ： 1 + 18 digits 9 + ， 1 + 声明作废 4 + 。 1 = 28
    expect(billableChars('张明遗失居民身份证，证号：320102198506120317，声明作废。', true)).toBe(28);
  });
  it('a capital counts 1, two lowercase letters 1, an odd digit run rounds up', () => {
    // 17 digits → 9, X → 1
    expect(billableChars('11010319781103002X', true)).toBe(10);
    expect(billableChars('ABC', true)).toBe(3);
    expect(billableChars('abc', true)).toBe(2);
    expect(billableChars('Abc1', true)).toBe(3);
    // mask stars pair like the digits they replace: 6 digits + 8 stars + 4 digits = 18 → 9
    expect(billableChars('320102********0317', true)).toBe(9);
  });
  it('without the digit-pair rule every non-space code point counts 1', () => {
    expect(billableChars('证号 320102', false)).toBe(8);
  });
});

describe('setLinesOf reads lines from the page tree', () => {
  const run = (text: string, size = 9, x0 = 0) => ({
    font: 'song', size, text, gids: [...text].map(() => 1), xs: [...text].map((_, i) => x0 + i * size), advs: [...text].map(() => size),
    ranges: [...text].flatMap((_, i) => [i, i + 1]),
  });
  const line = (id: string, y: number, runs: ReturnType<typeof run>[], x = 100, size = 9): PlacedLine => ({
    kind: 'line', baseline: y, x, measure: 117, ascent: 0.88 * size, descent: 0.12 * size, runs, source: { id, component: 'notice' } as Source,
  });
  const items: FrameItem[] = [
    line('n1', 100, [run('遗失声明')]),
    // one line in two runs (two fonts): still one line
    line('n1', 113.5, [run('张明遗失居民身份证，'), run('证号', 9, 90)]),
    line('n1', 127, [run('320102198506120317')]),
    line('other', 127, [run('李华遗失')]),
  ];

  it('counts one line per baseline, however many runs it has, and ignores other notices', () => {
    const s = setLinesOf(items, 'n1', { columnWidthPt: 117, gutterPt: 9, digitPair: true });
    // 遗失声明 4; 张明遗失居民身份证， 10 + 证号 2; 18 digits 9 → 25
    expect(s).toMatchObject({ lines: 3, chars: 25, columns: 1 });
    // first em top 100 − 7.92 to last em bottom 127 + 1.08 → 36 pt
    expect(s.heightPt).toBeCloseTo(36, 6);
  });

  it('the quote uses exactly those lines', () => {
    const s = setLinesOf(items, 'n1', { columnWidthPt: 117, gutterPt: 9, digitPair: true });
    expect(quoteNotice(parseNotice(lostId()), s, card).lines).toBe(3);
  });

  it('a two-column measure counts as two columns', () => {
    const wide = items.map((i) => (i.kind === 'line' ? { ...i, measure: 243 } : i));
    expect(setLinesOf(wide, 'n1', { columnWidthPt: 117, gutterPt: 9, digitPair: true }).columns).toBe(2);
  });
});
