import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../projectRoot.js';

/** 行政区划 — one GB/T 2260 code as data/regions.json records it. */
export interface RegionRecord {
  /** Six-digit code, e.g. `110103`. */
  code: string;
  /** Latest name, e.g. `崇文区`. */
  name: string;
  /** Year of the first revision that lists the code (1980 at the earliest). */
  firstYear: number;
  /** Year of the last revision that lists it; null while the code is current. */
  lastYear: number | null;
  /** Names the code had before (renamed or reused codes); absent when none. */
  formerNames?: string[];
}

/** 国家/地区 — one ISO 3166-1 country. */
export interface CountryRecord {
  /** ISO 3166-1 numeric, three digits, e.g. `840`. */
  numeric: string;
  /** ISO 3166-1 alpha-3, e.g. `USA`. */
  alpha3: string;
  /** Chinese name, e.g. `美国`. */
  name: string;
}

interface RegionFile {
  regions: Record<string, [string, number, number | null, string[]?]>;
  countries: Record<string, [string, string]>;
}

interface Tables {
  regions: Map<number, RegionRecord>;
  countriesByNumeric: Map<number, CountryRecord>;
  countriesByAlpha3: Map<string, CountryRecord>;
}

const DATA_FILE = path.join(projectRoot, 'data/regions.json');

let tables: Tables | null = null;

/**
 * The region and country tables, read once per process on first use. Keys are numbers so
 * that a lookup needs no substring of the ID: the validators compute the code from the digits.
 */
function load(): Tables {
  if (tables) return tables;
  const file = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as RegionFile;
  const regions = new Map<number, RegionRecord>();
  for (const [code, [name, firstYear, lastYear, formerNames]] of Object.entries(file.regions)) {
    const record: RegionRecord = { code, name, firstYear, lastYear };
    if (formerNames) record.formerNames = formerNames;
    regions.set(Number(code), Object.freeze(record));
  }
  const countriesByNumeric = new Map<number, CountryRecord>();
  const countriesByAlpha3 = new Map<string, CountryRecord>();
  for (const [numeric, [alpha3, name]] of Object.entries(file.countries)) {
    const record = Object.freeze({ numeric, alpha3, name });
    countriesByNumeric.set(Number(numeric), record);
    countriesByAlpha3.set(alpha3, record);
  }
  tables = { regions, countriesByNumeric, countriesByAlpha3 };
  return tables;
}

/** The region with six-digit code `code` in any revision 1980–2023, or undefined. */
export function lookupRegion(code: number): RegionRecord | undefined {
  return load().regions.get(code);
}

/** The country with ISO numeric code `numeric`, or undefined. */
export function lookupCountryByNumeric(numeric: number): CountryRecord | undefined {
  return load().countriesByNumeric.get(numeric);
}

/** The country with ISO alpha-3 code `alpha3`, or undefined. */
export function lookupCountryByAlpha3(alpha3: string): CountryRecord | undefined {
  return load().countriesByAlpha3.get(alpha3);
}

/** Province-level prefixes a resident ID may carry (spec §1): 11–15, 21–23, 31–37, 41–46, 50–54, 61–65. */
export const PROVINCE_PREFIXES_TEXT = '11–15、21–23、31–37、41–46、50–54、61–65';

/** True for a two-digit province prefix in PROVINCE_PREFIXES_TEXT (71 and 81–83 are not). */
export function isProvincePrefix(prefix: number): boolean {
  return (
    (prefix >= 11 && prefix <= 15) ||
    (prefix >= 21 && prefix <= 23) ||
    (prefix >= 31 && prefix <= 37) ||
    (prefix >= 41 && prefix <= 46) ||
    (prefix >= 50 && prefix <= 54) ||
    (prefix >= 61 && prefix <= 65)
  );
}
