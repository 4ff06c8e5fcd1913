/**
 * Masking works on the normalised number (issue 14 item 1): whatever separators, widths
 * and positions the desk typed, the printed number is the normal form with the preset's
 * positions hidden, for every preset × separator style × certificate type × channel ×
 * number style. The expected form is computed here independently of src/notices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/notices/config.js';
import type { MaskPreset } from '../../src/notices/schema/common.js';
import { PERSON_CERTIFICATES, type PersonCertificate } from '../../src/notices/schema/lost.js';
import { wordNotice } from '../../src/notices/wording.js';
import { FC, VALID } from './identifiers/arbitraries.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { parseNotice } from './noticeYaml.js';

/** The validator kind of each certificate, restated from spec §4 (null: no check rule). */
const KIND: Record<PersonCertificate, keyof typeof VALID | null> = {
  居民身份证: 'id',
  残疾人证: 'disability',
  出生医学证明: 'birth-cert',
  护照: 'passport',
  港澳居民来往内地通行证: 'hk-macau-permit',
  台湾居民来往大陆通行证: 'taiwan-permit',
  港澳台居民居住证: 'hmt',
  外国人永久居留身份证: 'pr',
  机动车驾驶证: 'driving-licence',
  社会保障卡: 'id',
  不动产权证书: 'property-cert',
  毕业证书: null,
  学位证书: null,
  教师资格证: null,
  其他: null,
};
const ID_LIKE = new Set(['id', 'disability', 'hmt', 'pr', 'driving-licence']);

/** Separator styles a clerk types between groups. */
const SEPARATORS: Record<string, string[]> = {
  none: [],
  hyphen: ['-'],
  emDash: ['—'],
  enDash: ['–'],
  space: [' '],
  ideographicSpace: ['\u3000'],
  fullWidthHyphen: ['－'],
  mixed: ['-', '—', ' ', '\u3000', '－', '‐', '−'],
};

const PRESETS: MaskPreset[] = ['full', 'birthdate', 'last4'];
const base = noticeCtx.config.papers[noticeCtx.config.defaultPaper];

function paperWith(preset: MaskPreset, numberStyle: 'plain' | 'grouped', categoryGrade: boolean): Paper {
  const policy = { default: preset, certificates: categoryGrade ? { 残疾人证: { preset, maskCategoryGrade: true } } : {} };
  return { ...base, numberStyle, privacy: { print: policy, archive: { ...policy } } };
}

/** Insert separators at the given positions; optionally make digits full-width. */
function typed(normal: string, seps: string[], at: number[], wide: boolean): string {
  const chars = [...normal].map((c) => (wide && /[0-9A-Z]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c));
  const cut = new Set(at.filter((i) => i > 0 && i < chars.length));
  return chars.map((c, i) => (cut.has(i) && seps.length ? seps[i % seps.length] : '') + c).join('');
}

/** The spec's positions, hidden on the normal form. */
function expectedMask(normal: string, kind: string | null, preset: MaskPreset, categoryGrade: boolean): string {
  const c = [...normal];
  if (preset === 'last4') for (let i = 0; i < c.length - 4; i++) c[i] = '*';
  if (preset === 'birthdate' && kind && ID_LIKE.has(kind)) {
    const span = c.length === 18 || c.length === 20 ? [6, 14] : c.length === 15 && kind !== 'pr' ? [6, 12] : null;
    if (span) for (let i = span[0]; i < span[1]; i++) c[i] = '*';
  }
  if (categoryGrade && kind === 'disability' && c.length === 20) c[18] = c[19] = '*';
  return c.join('');
}

function printedNumber(paragraph: string): string {
  const m = /证号：(.*)，声明作废。$/.exec(paragraph);
  if (!m) throw new Error(`no number in ${paragraph}`);
  return m[1];
}

const valueFor = (kind: keyof typeof VALID | null) =>
  kind ? VALID[kind] : fc.stringMatching(/^[0-9A-Z]{6,14}$/);

describe('masking works on the normalised number', () => {
  for (const certificate of PERSON_CERTIFICATES) {
    const kind = KIND[certificate];
    for (const preset of PRESETS) {
      for (const [sepName, seps] of Object.entries(SEPARATORS)) {
        it(`${certificate} · ${preset} · ${sepName}`, () => {
          // a property-cert number is Han text with brackets: only its spaces are separators
          const used = kind === 'property-cert' ? seps.filter((s) => /\s/.test(s)) : seps;
          fc.assert(
            fc.property(
              valueFor(kind),
              fc.array(fc.integer({ min: 1, max: 19 }), { maxLength: 5 }),
              fc.boolean(),
              fc.constantFrom('print', 'archive') as fc.Arbitrary<'print' | 'archive'>,
              fc.constantFrom('plain', 'grouped') as fc.Arbitrary<'plain' | 'grouped'>,
              fc.boolean(),
              (normal, at, wide, channel, style, categoryGrade) => {
                const widthOk = kind !== 'property-cert';
                const raw = typed(normal, used, at, wide && widthOk);
                const n = parseNotice(
                  `type: lost-person\nholder: 张明\ncertificate: ${certificate}\n${certificate === '其他' ? 'certificateName: 会员卡\n' : ''}number: "${raw}"\nrun: { dates: [2026-11-24] }\ncustomer: { name: 张明, phone: 13800001234, id: 320102198506120317 }\n`,
                );
                const w = wordNotice(n, { paper: paperWith(preset, style, categoryGrade), channel });
                if (!w.ok) throw new Error('refused');
                const printed = printedNumber(w.text.paragraphs[0]);
                const expected = expectedMask(kind === 'property-cert' ? normal.replace(/\(/g, '（').replace(/\)/g, '）') : normal, kind, preset, categoryGrade);
                expect(printed.replace(/ /g, '')).toBe(expected);
                if (style === 'grouped' && kind && ID_LIKE.has(kind) && [15, 18, 20].includes(normal.length) && !(kind === 'pr' && normal.length === 15)) {
                  const groups = normal.length === 15 ? [6, 6, 3] : normal.length === 18 ? [6, 8, 4] : [6, 8, 4, 2];
                  expect(printed.split(' ').map((g) => g.length)).toEqual(groups);
                } else {
                  expect(printed).not.toMatch(/\s/);
                }
                // no separator the desk typed survives into print
                expect(printed).not.toMatch(/[-—–－‐−\u3000]/);
              },
            ),
            { ...FC, numRuns: 25 },
          );
        });
      }
    }
  }

  it('the issue’s cases: hyphens and dashes no longer reveal the birth date or the category', () => {
    const word = (cert: string, number: string, preset: MaskPreset, categoryGrade = false) => {
      const n = parseNotice(`type: lost-person\nholder: 张明\ncertificate: ${cert}\nnumber: "${number}"\nrun: { dates: [2026-11-24] }\ncustomer: { name: 张明, phone: 13800001234, id: 320102198506120317 }\n`);
      const w = wordNotice(n, { paper: paperWith(preset, 'plain', categoryGrade), channel: 'print' });
      return w.ok ? printedNumber(w.text.paragraphs[0]) : '';
    };
    expect(word('居民身份证', '440304-19881107-2623', 'birthdate')).toBe('440304********2623');
    expect(word('居民身份证', '510107—19920815—3382', 'birthdate')).toBe('510107********3382');
    expect(word('残疾人证', '32010219850612031 7-41', 'full', true)).toBe('320102198506120317**');
    expect(word('居民身份证', '440304-19881107-2623', 'last4')).toBe('**************2623');
  });
});
