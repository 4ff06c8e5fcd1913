/**
 * A notice's baselines come from its faces' own em box (OS/2 typo metrics, read in fonts/),
 * not from a constant 0.88 em: the row's text is centred on the em box the font gives.
 */
import { describe, expect, it } from 'vitest';
import type { FontBook } from '../../../src/fonts/fontBook.js';
import { setGroupHeader, setNoticeBlock } from '../../../src/layout/notices/setNoticeBlock.js';
import { noticeMeasure } from '../../../src/layout/notices/setNoticesPages.js';
import type { NoticeText } from '../../../src/notices/wording.js';
import { fakeFont } from '../../helpers/fakeFont.js';
import { noticeCtx } from './helpers.js';

/** A font book whose every role is a fake face with the em box `emTop` above the baseline. */
const bookWith = (emTop: number) => ({ face: () => ({ ...fakeFont(), emTop, emBottom: 1 - emTop }), fallbacks: () => [] }) as unknown as FontBook;

const text: NoticeText = {
  type: 'lost-person', group: 'lost', title: '遗失声明', runIn: false, company: false,
  paragraphs: ['王某遗失居民身份证，声明作废。'], signoff: ['王某'], date: '2026年11月24日', extras: { box: false, boldTitle: false },
};

describe('notice baselines from the font’s em box', () => {
  it('--- em-box-from-font --- title, body, sign-off and group header move with the face’s emTop', () => {
    const m = noticeMeasure(noticeCtx.config.style, noticeCtx.rateCard);
    const a = setNoticeBlock('n', 'n.yaml', text, m, bookWith(0.88));
    const b = setNoticeBlock('n', 'n.yaml', text, m, bookWith(0.8));
    expect(a.lines.length).toBeGreaterThan(3);
    a.lines.forEach((l, i) => expect(l.y - b.lines[i].y).toBeCloseTo(0.08 * l.size, 6));
    const ga = setGroupHeader('lost', '遗失声明', m, bookWith(0.88));
    const gb = setGroupHeader('lost', '遗失声明', m, bookWith(0.8));
    ga.lines.forEach((l, i) => expect(l.y - gb.lines[i].y).toBeCloseTo(0.08 * l.size, 6));
  });
});
