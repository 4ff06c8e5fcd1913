/**
 * Refusals: a notice without consent, with an invalid number, with a missing required
 * field or in a malformed file is refused with file, field and reason — and the rest of
 * the notices page still sets. Every invalid variant of the generated notices is refused.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editionNotices } from '../../src/layout/notices/editionNotices.js';
import { prepareNotice, type Prepared } from '../../src/notices/prepareNotice.js';
import { generatedNotices, grid, noticeCtx } from '../layout/notices/helpers.js';
import { fonts } from '../helpers/fonts.js';

const fixture = (name: string) => `test/fixtures/notices/${name}`;
const prepareFile = (file: string) => prepareNotice(readFileSync(file, 'utf8'), file, noticeCtx);
const refusedOf = (p: Prepared) => {
  if (p.ok) throw new Error('expected a refusal');
  return p.refused;
};

describe('refused notices name file, field and reason', () => {
  it('no consent record → refused under PIPL art. 25', () => {
    const r = refusedOf(prepareFile(fixture('refused/no-consent.yaml')));
    expect(r).toContainEqual(expect.objectContaining({ file: fixture('refused/no-consent.yaml'), field: 'consent', code: 'no-consent' }));
    expect(r[0].messageEn).toMatch(/consent/);
  });

  it('an invalid number → refused on that field with the validator’s reason', () => {
    const r = refusedOf(prepareFile(fixture('refused/invalid-number.yaml')));
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((x) => x.file === fixture('refused/invalid-number.yaml'))).toBe(true);
    expect(r.map((x) => x.field)).toContain('number');
    expect(r.find((x) => x.field === 'number')!.messageEn).toMatch(/check/i);
  });

  it('a missing required field → refused naming the field', () => {
    const r = refusedOf(prepareFile(fixture('refused/missing-field.yaml')));
    expect(r).toContainEqual(expect.objectContaining({ field: 'holder', code: 'missing-field' }));
  });

  it('a number given as a list → refused naming the types it may be, not zod’s “Invalid input”', () => {
    const file = fixture('valid-lost-id.yaml');
    const data = parse(readFileSync(file, 'utf8'));
    const r = refusedOf(prepareNotice(stringify({ ...data, number: [1, 2] }), file, noticeCtx));
    expect(r).toContainEqual(expect.objectContaining({ field: 'number', message: '类型不对，应为文字或数字，不是列表', messageEn: 'wrong type: expected text or a number, got a list' }));
  });

  it('malformed YAML → refused with the line', () => {
    const r = refusedOf(prepareFile(fixture('refused/malformed.yaml')));
    expect(r[0]).toMatchObject({ file: fixture('refused/malformed.yaml'), code: 'yaml-syntax' });
    expect(r[0].line).toBeGreaterThan(0);
  });

  it('the rest of the page still sets, and the report lists the refused with their reasons', () => {
    const files = ['valid-lost-id.yaml', 'refused/no-consent.yaml', 'refused/invalid-number.yaml', 'refused/missing-field.yaml', 'refused/malformed.yaml', 'valid-liquidation.yaml'].map(fixture);
    const n = editionNotices(files.map(prepareFile), { fonts, config: noticeCtx.config, rateCard: noticeCtx.rateCard, paperName: '组版日报', pages: ['A05'] });
    const items = n.fill('A05', grid, 4, grid.linesPerColumn - 1);
    expect(n.report.set.map((s) => s.file)).toEqual([fixture('valid-lost-id.yaml'), fixture('valid-liquidation.yaml')]);
    expect(n.report.refused.map((r) => r.file)).toEqual(files.slice(1, 5));
    expect(n.report.refused.every((r) => r.reasons.length > 0 && r.reasons.every((x) => x.file === r.file && x.message && x.messageEn))).toBe(true);
    expect(n.diagnostics.filter((d) => d.includes('no-consent.yaml'))[0]).toMatch(/consent/);
    expect(n.leftOut()).toEqual([]);
    expect(items.some((i) => i.kind === 'line' && i.source.id === 'valid-liquidation')).toBe(true);
    // the liquidation is boxed (a paid extra) and quoted from its set lines
    const liq = n.report.set.find((s) => s.id === 'valid-liquidation')!;
    expect(liq.quote.extras).toEqual([{ name: 'box', amount: 30 }]);
    expect(liq.lines).toBeGreaterThan(10);
    expect(liq.total).toBe(Math.max(300, liq.lines * 30) + 30);
  });
});

describe('every invalid variant of the generated notices is refused with its reasons', () => {
  const valid = generatedNotices().filter((p): p is Extract<Prepared, { ok: true }> => p.ok);
  const mutate = (file: string, change: (doc: Record<string, unknown>) => void) => {
    const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(doc);
    return prepareNotice(stringify(doc), file, noticeCtx);
  };

  it('without consent', () => {
    expect(valid.length).toBeGreaterThanOrEqual(100);
    for (const p of valid) {
      const r = refusedOf(mutate(p.checked.file, (d) => delete d.consent));
      expect(r.map((x) => x.code), p.checked.file).toContain('no-consent');
    }
  });

  it('with a required field removed', () => {
    const required: Record<string, string> = {
      'lost-person': 'holder', 'lost-org': 'org', 'lost-seal': 'sealType', 'lost-invoice': 'invoiceType', void: 'reason',
      liquidation: 'uscc', 'capital-reduction': 'capital', merger: 'parties', split: 'successors', correction: 'right',
      'missing-person': 'features', 'found-property': 'claimBy',
    };
    for (const p of valid) {
      const field = required[p.checked.notice.type];
      const r = refusedOf(mutate(p.checked.file, (d) => delete d[field]));
      expect(r.map((x) => x.field), p.checked.file).toContain(field);
      expect(r.every((x) => x.file === p.checked.file)).toBe(true);
    }
  });

  it('with a check character changed in its USCC or ID number', () => {
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('1') ? '2' : '1');
    let tried = 0;
    for (const p of valid) {
      const n = p.checked.notice as unknown as Record<string, unknown>;
      const field = typeof n.uscc === 'string' ? 'uscc' : n.type === 'lost-person' && (n as { certificate: string }).certificate === '居民身份证' ? 'number' : undefined;
      if (!field) continue;
      tried++;
      const r = refusedOf(mutate(p.checked.file, (d) => (d[field] = flip(String(d[field])))));
      expect(r.map((x) => x.field), p.checked.file).toContain(field);
    }
    expect(tried).toBeGreaterThan(60);
  });
});
