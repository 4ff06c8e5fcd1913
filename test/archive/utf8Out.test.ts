import { describe, expect, it } from 'vitest';
import { isSpaceCode } from '../../src/archive/alto.js';
import { mm10Text } from '../../src/archive/units.js';
import { Utf8Out } from '../../src/archive/utf8Out.js';

/** A seeded generator (mulberry32), so a failure names its case again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Utf8Out (the ALTO writer’s bytes)', () => {
  it('--- text --- writes what Buffer.from(s, "utf8") does: ASCII, CJK, astral characters, a lone surrogate', () => {
    const samples = ['', 'abc "&amp;"', '本报记者 张三', '𠀋𪚥 a𝄞b', '\u00e9\u07ff\u0800\uffff', 'x\ud800y', '\udc00', 'end\ud83d'];
    const out = new Utf8Out(4); // small, so it has to grow
    for (const s of samples) out.text(s);
    expect(out.bytes().equals(Buffer.from(samples.join(''), 'utf8'))).toBe(true);
  });

  it('--- mm10 --- formats pt as mm10Text does, on page coordinates, negatives and halfway cases', () => {
    const next = random(16);
    const values = [0, -0, 1e-9, -1e-9, 0.0141732, -0.0141732, 0.01417323, 72, -72, 1190.55, 1e6];
    // pt whose mm10 × 10 is k + 0.5: Math.round goes up for both signs, so −x is not −round(x)
    for (let k = 0; k < 50; k++) values.push(((k + 0.5) / 10) * (72 / 254), (-(k + 0.5) / 10) * (72 / 254));
    for (let k = 0; k < 5000; k++) values.push((next() - 0.1) * 1300);
    const out = new Utf8Out();
    const want: string[] = [];
    for (const v of values) {
      out.mm10(v);
      out.text(' ');
      want.push(mm10Text(v));
    }
    expect(out.bytes().toString('latin1').split(' ').slice(0, -1)).toEqual(want);
  });
});

describe('ALTO white space (SP)', () => {
  it('--- isSpaceCode --- is /^\\s$/u on every code point', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) if (isSpaceCode(c) !== /^\s$/u.test(String.fromCodePoint(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
