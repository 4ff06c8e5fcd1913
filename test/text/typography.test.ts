import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SetLine } from '../../src/text/setLines.js';
import { typesetParagraph, type TextDiagnostic, type TypesetOptions } from '../../src/text/typesetParagraph.js';
import { fonts } from '../helpers/fonts.js';

/**
 * Golden typography fixtures (STYLE.md 24–25): test/fixtures/text/typography.txt holds named
 * cases, each `--- name --- what must hold`, a settings JSON line, the input paragraph, `===`,
 * then the expected lines, one typeset line per text line. A line is written as its glyphs
 * with every gap that is not zero as [±em] (the space after a glyph's advance before the
 * next glyph's origin), a change of font as ⟪key⟫, and the width the line takes as ⟨em⟩ at
 * its end; a diagnostic as `! message`. UPDATE_GOLDEN=1 rewrites the expectations.
 */
const FILE = new URL('../fixtures/text/typography.txt', import.meta.url);
const SIZE = 10;

interface Case {
  name: string;
  statement: string;
  settings: { zi: number; font?: string; punctFont?: string } & Partial<TypesetOptions>;
  input: string;
  expected: string[];
}

function parse(text: string): Case[] {
  const cases: Case[] = [];
  for (const block of text.split(/^(?=--- )/m).filter((b) => b.trim())) {
    const [head, settings, ...rest] = block.replace(/\n+$/, '').split('\n');
    const m = /^--- (.+?) --- (.*)$/.exec(head);
    if (!m) throw new Error(`bad case header: ${head}`);
    const sep = rest.indexOf('===');
    cases.push({ name: m[1], statement: m[2], settings: JSON.parse(settings), input: rest.slice(0, sep).join('\n'), expected: rest.slice(sep + 1) });
  }
  return cases;
}

const em = (v: number) => (Math.round((v / SIZE) * 100) / 100).toFixed(2);

/** A set line in the fixture notation. */
function notate(l: SetLine): string {
  let out = '';
  let prevEnd: number | undefined;
  for (const [ri, r] of l.runs.entries()) {
    if (ri > 0 || l.runs.length > 1) out += `⟪${r.font}⟫`;
    [...r.text].forEach((ch, i) => {
      if (prevEnd !== undefined) {
        const gap = r.xs[i] - prevEnd;
        if (Math.abs(gap) > 0.005 * SIZE) out += `[${gap > 0 ? '+' : ''}${em(gap)}]`;
      }
      out += ch;
      prevEnd = r.xs[i] + r.advs[i];
    });
  }
  return `${out} ⟨${em(l.used)}⟩`;
}

function run(c: Case): string[] {
  const { zi, font, punctFont, ...opts } = c.settings;
  const diagnostics: TextDiagnostic[] = [];
  const lines = typesetParagraph([{ text: c.input, face: fonts.face(font ?? 'song') }], {
    size: SIZE, measure: zi * SIZE, indent: 0, align: 'justify', fallbacks: fonts.fallbacks(), where: `fixture ${c.name}`,
    punctFace: punctFont ? fonts.face(punctFont) : undefined, diagnostics, ...opts,
  });
  return [...lines.map(notate), ...diagnostics.map((d) => `! ${d.message}`)];
}

const source = fs.readFileSync(FILE, 'utf8');
const cases = parse(source);

describe('typography fixtures (test/fixtures/text/typography.txt)', () => {
  if (process.env.UPDATE_GOLDEN) {
    const out = cases.map((c) => [`--- ${c.name} --- ${c.statement}`, JSON.stringify(c.settings), c.input, '===', ...run(c)].join('\n')).join('\n\n');
    fs.writeFileSync(FILE, out + '\n');
  }
  for (const c of cases) {
    it(`--- ${c.name} --- ${c.statement}`, () => {
      expect(run(c)).toEqual(c.expected);
    });
  }
});
