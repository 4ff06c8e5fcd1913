import type { SetLine } from '../../src/text/setLines.js';

/** The text of a set line (all runs). */
export const lineText = (l: SetLine) => l.runs.map((r) => r.text).join('');

/** Every glyph of a line as { ch, x, adv }, in order. */
export function glyphs(l: SetLine): { ch: string; x: number; adv: number }[] {
  const out: { ch: string; x: number; adv: number }[] = [];
  for (const r of l.runs) {
    const chars = [...r.text];
    chars.forEach((ch, i) => out.push({ ch, x: r.xs[i], adv: r.advs[i] }));
  }
  return out;
}
