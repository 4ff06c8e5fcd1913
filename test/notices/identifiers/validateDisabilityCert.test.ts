import { describe, expect, it } from 'vitest';
import { validateDisabilityCert } from '../../../src/notices/identifiers/validateDisabilityCert.js';
import { TODAY } from './arbitraries.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);
const opts = { today: TODAY };

describe('validateDisabilityCert', () => {
  it('reads the ID part, category and grade', () => {
    const r = validateDisabilityCert('11010319781103002X23', opts);
    expect(r.ok).toBe(true);
    expect(r.parsed).toMatchObject({
      id: { regionCode: '110103', birthDate: '1978-11-03', checkChar: 'X' },
      categoryCode: '2',
      category: '听力残疾',
      gradeCode: '3',
      grade: '三级',
    });
  });

  it('accepts an X only at position 18, and a lowercase one with a warning', () => {
    expect(codes(validateDisabilityCert('3201021985061203174X', opts).errors)).toEqual(['input.charset']);
    expect(validateDisabilityCert('3201021985X612031741', opts).errors[0]).toMatchObject({ code: 'input.charset', message: expect.stringContaining('第11位“X”') });
    const lower = validateDisabilityCert('11010319781103002x23', opts);
    expect(lower.ok).toBe(true);
    expect(codes(lower.warnings)).toEqual(['normalize.lowercase-x']);
  });

  it('reports category, grade and ID errors together', () => {
    expect(codes(validateDisabilityCert('32010219850612031608', opts).errors)).toEqual(['id.check', 'disability.category', 'disability.grade']);
  });

  it('rejects an 18-digit ID without the two digits', () => {
    expect(codes(validateDisabilityCert('320102198506120317', opts).errors)).toEqual(['input.length']);
  });
});
