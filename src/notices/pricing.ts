/**
 * Quote = print: the price of a notice from the lines it occupies on the page. The line
 * count is the caller's, read from the page tree's Line nodes (layout/notices/noticeLines.ts); nothing here counts
 * characters to make lines. Money is computed in fen (integers) and returned in yuan.
 */
import type { BillingUnit, RateCard } from './rateCard.js';
import type { Notice } from './schema/notice.js';
import { printsTitle } from './wording.js';

/** What the notice occupies on the page, as read from the page tree. */
export interface SetLines {
  /** Typeset lines, title and sign-off included. */
  lines: number;
  /** Billable 字 of the set text (see billableChars). */
  chars: number;
  /** Columns the notice spans. */
  columns: number;
  /** Height of the set notice in pt. */
  heightPt: number;
}

/** One priced extra. */
export interface QuoteExtra {
  name: 'box' | 'boldTitle' | 'logo';
  /** Yuan per insertion; 0 when free for this type. */
  amount: number;
}

/** The quote of one notice. */
export interface Quote {
  /** Set lines (from the page tree). */
  lines: number;
  /** Billable 字 (from the page tree). */
  chars: number;
  unit: BillingUnit;
  /** Chinese name of the unit: 行, 字, 栏·厘米, 件. */
  unitLabel: string;
  /** Units billed per insertion: lines, 字 blocks, column·cm or 1 item. */
  quantity: number;
  /** Yuan per unit. */
  rate: number;
  /** Base price per insertion before the minimum, yuan. */
  base: number;
  /** True when the minimum charge replaced a lower base. */
  minimumApplied: boolean;
  extras: QuoteExtra[];
  /** Price of one insertion after minimum, extras and rounding, yuan. */
  perInsertion: number;
  /** Number of run dates. */
  insertions: number;
  /** perInsertion × insertions, yuan. */
  total: number;
  currency: 'CNY';
  /** True for types the paper does not bill (its own corrections). */
  free: boolean;
}

const UNIT_LABELS: Record<BillingUnit, string> = { line: '行', char: '字', colcm: '栏·厘米', item: '件' };
const PT_PER_CM = 72 / 2.54;
const fen = (yuan: number) => Math.round(yuan * 100);
const yuanOf = (f: number) => f / 100;

/** Price a notice from its set lines under a rate card. Pure. */
export function quoteNotice(notice: Notice, setLines: SetLines, rateCard: RateCard): Quote {
  const unit = rateCard.units[notice.type] ?? rateCard.unit;
  const { quantity, rateFen, baseFen } = basePrice(notice, unit, setLines, rateCard);
  const minFen = fen(rateCard.minimum.byType[notice.type] ?? rateCard.minimum.default);
  const extras = extrasOf(notice, rateCard);
  const free = rateCard.free.includes(notice.type);
  const beforeRounding = Math.max(baseFen, minFen) + extras.reduce((s, e) => s + fen(e.amount), 0);
  const perInsertion = free ? 0 : roundFen(beforeRounding, rateCard.rounding);
  const insertions = notice.run.dates.length;
  return {
    lines: setLines.lines,
    chars: setLines.chars,
    unit,
    unitLabel: UNIT_LABELS[unit],
    quantity,
    rate: yuanOf(rateFen),
    base: yuanOf(baseFen),
    minimumApplied: minFen > baseFen,
    extras,
    perInsertion: yuanOf(perInsertion),
    insertions,
    total: yuanOf(perInsertion * insertions),
    currency: 'CNY',
    free,
  };
}

function basePrice(n: Notice, unit: BillingUnit, s: SetLines, card: RateCard): { quantity: number; rateFen: number; baseFen: number } {
  switch (unit) {
    case 'line': {
      const { yuan, includedLines, baseYuan } = card.line;
      const further = Math.max(0, s.lines - includedLines);
      return { quantity: s.lines, rateFen: fen(yuan), baseFen: fen(baseYuan) + further * fen(yuan) };
    }
    case 'char': {
      const blocks = Math.ceil(s.chars / card.char.block);
      return { quantity: blocks, rateFen: fen(card.char.yuan), baseFen: blocks * fen(card.char.yuan) };
    }
    case 'colcm': {
      const step = card.colcm.heightStepCm;
      // round the height up to the step; the epsilon keeps an exact 3.0 cm from becoming 3.5
      const cm = Math.ceil(s.heightPt / PT_PER_CM / step - 1e-9) * step;
      const quantity = Math.round(s.columns * cm * 1000) / 1000;
      return { quantity, rateFen: fen(card.colcm.yuan), baseFen: Math.round(quantity * fen(card.colcm.yuan)) };
    }
    case 'item': {
      const price = fen(card.item.byType[n.type] ?? card.item.default);
      return { quantity: 1, rateFen: price, baseFen: price };
    }
  }
}

function extrasOf(n: Notice, card: RateCard): QuoteExtra[] {
  const wanted: QuoteExtra['name'][] = [];
  if (n.box) wanted.push('box');
  // a bold title only where a title is printed (checkNotice refuses it elsewhere)
  if (n.boldTitle && printsTitle(n.type)) wanted.push('boldTitle');
  if (n.logo) wanted.push('logo');
  return wanted.map((name) => {
    const e = card.extras[name];
    return { name, amount: e.freeFor.includes(n.type) ? 0 : e.yuan };
  });
}

function roundFen(f: number, r: RateCard['rounding']): number {
  const step = fen(r.step);
  return r.mode === 'up' ? Math.ceil(f / step) * step : Math.floor(f / step + 0.5) * step;
}

/**
 * Billable 字 of set text under the spec's counting rule (§5, 羊城晚报 agent): a Han
 * character, a capital letter or a punctuation mark counts 1; 2 lowercase letters count
 * 1; 2 consecutive digits count 1 (a mask `*` stands for a digit). Whitespace counts 0.
 * With `digitPair` false every non-space code point counts 1.
 */
export function billableChars(text: string, digitPair: boolean): number {
  let total = 0;
  let digitRun = 0;
  let lowerRun = 0;
  const flush = () => {
    total += Math.ceil(digitRun / 2) + Math.ceil(lowerRun / 2);
    digitRun = 0;
    lowerRun = 0;
  };
  for (const ch of text) {
    if (/\s/u.test(ch)) {
      flush();
      continue;
    }
    if (!digitPair) {
      total++;
      continue;
    }
    if (/[0-9*]/.test(ch)) {
      if (lowerRun) flush();
      digitRun++;
    } else if (/[a-z]/.test(ch)) {
      if (digitRun) flush();
      lowerRun++;
    } else {
      flush();
      total++;
    }
  }
  flush();
  return total;
}
