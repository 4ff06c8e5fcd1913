import { describe, expect, it } from 'vitest';
import { normalizeIdentifier } from '../../../src/notices/identifiers/normalizeIdentifier.js';

describe('normalizeIdentifier', () => {
  it('returns plain 0-9 A-Z unchanged without warnings', () => {
    expect(normalizeIdentifier('91320102MA1G2K3LXW')).toEqual({ normalized: '91320102MA1G2K3LXW', warnings: [] });
  });
  it('applies NFKC: full-width digits, X and brackets become ASCII', () => {
    expect(normalizeIdentifier('３２０１０２１９８５０６１２０３１Ｘ').normalized).toBe('32010219850612031X');
    expect(normalizeIdentifier('苏（2020）').normalized).toBe('苏(2020)');
  });
  it('strips every kind of space and hyphen/dash', () => {
    expect(normalizeIdentifier(' 5746\u00a01832\u3000-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d8 ').normalized).toBe('574618328');
  });
  it('upper-cases letters, warning only for a lowercase x', () => {
    expect(normalizeIdentifier('ma1g2k3l').warnings).toEqual([]);
    expect(normalizeIdentifier('ma1g2k3l').normalized).toBe('MA1G2K3L');
    const x = normalizeIdentifier('11010319781103002x');
    expect(x.normalized).toBe('11010319781103002X');
    expect(x.warnings.map((w) => w.code)).toEqual(['normalize.lowercase-x']);
    expect(normalizeIdentifier('ｘ').warnings.map((w) => w.code)).toEqual(['normalize.lowercase-x']);
  });
  it('keeps what it cannot make sense of, so the character check reports it', () => {
    expect(normalizeIdentifier('12\u200b3\t😀\ud800').normalized).toBe('12\u200b3\t😀\ud800');
  });
});
