import { describe, expect, it } from 'vitest';
import { fillBalanced, fillColumns, type FlowLine, type Slot } from '../../src/layout/fillColumns.js';
import { typesetParagraph } from '../../src/text/typesetParagraph.js';
import { song } from '../helpers/fonts.js';

const PITCH = 13.5;
const [oneLine] = typesetParagraph([{ text: '一行正文', face: song() }], { size: 9, measure: 117, indent: 0, align: 'justify' });
const flow = (n: number, spans: Record<number, number> = {}): FlowLine[] =>
  Array.from({ length: n }, (_, i) => ({ line: oneLine, source: { id: 'a', component: 'body', para: i }, size: 9, chars: 4, span: spans[i] ?? 1 }));
const slot = (col: number, firstRow: number, lines: number): Slot => ({ x: col * 126, width: 117, firstBaseline: 100 + firstRow * PITCH, pitch: PITCH, lines });
/** The grid row after each slot's last placed line (its foot). */
const feet = (slots: Slot[], used: number[]) => slots.map((s, k) => Math.round((s.firstBaseline - 100) / PITCH) + used[k]);

describe('fillBalanced (均衡分栏)', () => {
  it('--- levels-the-feet --- 31 lines in three 20-line columns stop at row 11, the last taking the rest', () => {
    const slots = [slot(0, 0, 20), slot(1, 0, 20), slot(2, 0, 20)];
    expect(fillColumns(flow(31), slots).used).toEqual([20, 11, 0]);
    expect(fillBalanced(flow(31), slots).used).toEqual([11, 11, 9]);
  });

  it('--- slots-under-a-photo --- a column that starts lower ends on the same foot row', () => {
    // column 1 holds a photo in rows 0–7: its slot starts at row 8
    const slots = [slot(0, 8, 22), slot(1, 0, 30), slot(2, 0, 30)];
    const r = fillBalanced(flow(40), slots);
    expect(r.remaining).toEqual([]);
    const f = feet(slots, r.used);
    expect(Math.max(...f) - Math.min(...f)).toBeLessThanOrEqual(1);
    expect(Math.max(...f)).toBe(16);
  });

  it('--- keeps-every-line --- the balanced fill places the same lines, in order, as the plain one', () => {
    const slots = [slot(0, 0, 25), slot(1, 3, 22), slot(2, 0, 25), slot(3, 0, 25)];
    const lines = flow(57, { 10: 2, 30: 2 });
    const paras = (r: ReturnType<typeof fillColumns>) => r.placed.map((g) => g.source.para);
    const plain = fillColumns(lines, slots), balanced = fillBalanced(lines, slots);
    expect(balanced.remaining).toEqual([]);
    expect(new Set(paras(balanced))).toEqual(new Set(paras(plain)));
    expect(paras(balanced)).toEqual([...paras(balanced)].sort((a, b) => a! - b!));
  });

  it('--- overflow-unchanged --- lines that do not fit are left exactly as fillColumns leaves them', () => {
    const slots = [slot(0, 0, 10), slot(1, 0, 10)];
    expect(fillBalanced(flow(25), slots)).toEqual(fillColumns(flow(25), slots));
  });
});
