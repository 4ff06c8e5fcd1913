import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakLines, lineFit } from '../../src/text/breakLines.js';
import { itemize } from '../../src/text/itemize.js';
import { song } from '../helpers/fonts.js';
import { fixtureParagraphs } from '../helpers/workload.js';

const SIZE = 9;
const paragraphs = fixtureParagraphs;
const opts = (zi: number) => ({ size: SIZE, measure: zi * SIZE, indent: 2 * SIZE, align: 'justify' as const });

/** The line starts of a paragraph, checked as a breaking must be: from 0 to n, each start a legal break. */
function breaks(text: string, zi: number): number[] {
  const it = itemize([{ text, face: song() }], opts(zi));
  const starts = breakLines(it, opts(zi));
  expect(starts[0]).toBe(0);
  expect(starts.at(-1)).toBe(it.n);
  for (let l = 1; l + 1 < starts.length; l++) {
    expect(starts[l]).toBeGreaterThan(starts[l - 1]);
    expect(it.brk[starts[l]], `break before atom ${starts[l]}`).toBe(1);
  }
  // every line can be set to the measure: no line is overfull
  for (let l = 0; l + 1 < starts.length; l++) {
    const f = lineFit(it, starts[l], starts[l + 1], starts[l] === 0 ? 2 * SIZE : 0);
    expect(f.natural - f.endTrim - f.midShrink - f.glueShrink).toBeLessThanOrEqual(zi * SIZE + 1e-6);
  }
  return starts;
}

describe('the line breaker (WebAssembly)', () => {
  it('--- legal-breaks-only --- every start is a permitted break and no line is overfull', () => {
    for (const text of paragraphs) for (const zi of [11, 13, 17.06, 20]) breaks(text, zi);
  });

  it('--- grows-for-long-paragraphs --- a paragraph longer than its memory (20 000 atoms) breaks, and short ones after it still do', () => {
    const short = paragraphs[0];
    const before = breaks(short, 17);
    const long = paragraphs.join('').repeat(Math.ceil(20000 / paragraphs.join('').length));
    const lines = breaks(long, 17);
    expect(lines.length).toBeGreaterThan(1000);
    expect(breaks(short, 17)).toEqual(before);
  });

  it('--- same-breaks-as-before --- the fixture paragraphs break where the golden file says (the TypeScript breaker\'s choices)', () => {
    // UPDATE_GOLDEN=1 rewrites the file after a deliberate change of the cost model
    const golden = new URL('../fixtures/text/breaks.json', import.meta.url);
    const got = paragraphs.map((p) => [11, 17.06].map((zi) => breaks(p, zi)));
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, JSON.stringify(got) + '\n');
    expect(got).toEqual(JSON.parse(fs.readFileSync(golden, 'utf8')));
  });
});
