import { describe, expect, it } from 'vitest';
import { validateEInvoice, validateInvoiceCode, validateInvoiceNumber } from '../../../src/notices/identifiers/validateInvoice.js';
import { TODAY } from './arbitraries.js';

const opts = { today: TODAY };
const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe('validateInvoiceCode', () => {
  it('reads region and year of a 12-digit code; a 10-digit code is digits only', () => {
    expect(validateInvoiceCode('032002100111', opts)).toMatchObject({ ok: true, warnings: [], parsed: { length: 12, regionCode: '3200', year: 2021 } });
    expect(validateInvoiceCode('3200211130', opts).parsed).toEqual({ length: 10, regionCode: null, year: null });
  });
  it('strict year (not in the future), loose region', () => {
    expect(codes(validateInvoiceCode('032002700111', opts).errors)).toEqual(['invoice.year']);
    expect(codes(validateInvoiceCode('099002100111', opts).warnings)).toEqual(['invoice.region']);
  });
  it('strict digits and lengths', () => {
    expect(codes(validateInvoiceCode('03200210011', opts).errors)).toEqual(['input.length']);
    expect(codes(validateInvoiceCode('0320021001A1', opts).errors)).toEqual(['input.charset']);
  });
});

describe('validateInvoiceNumber', () => {
  it('is 8 digits', () => {
    expect(validateInvoiceNumber('00123456').ok).toBe(true);
    expect(validateInvoiceNumber('0012345').ok).toBe(false);
  });
});

describe('validateEInvoice', () => {
  it('reads year, province, channel and sequence of a 20-digit number', () => {
    expect(validateEInvoice('24322000000123456789', opts)).toMatchObject({
      ok: true,
      parsed: { year: 2024, provinceCode: '32', channel: '2', sequence: '000000123456789' },
    });
  });
  it('rejects a future year, warns on an unknown province', () => {
    expect(codes(validateEInvoice('27322000000123456789', opts).errors)).toEqual(['invoice.year']);
    expect(codes(validateEInvoice('24992000000123456789', opts).warnings)).toEqual(['invoice.region']);
    // the province is digits 3–4 (19, none), not 2–3 (41, 河南)
    expect(codes(validateEInvoice('24192000000123456789', opts).warnings)).toEqual(['invoice.region']);
  });
});
