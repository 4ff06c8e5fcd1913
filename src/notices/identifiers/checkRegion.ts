import { digitsValue } from './characterChecks.js';
import { PROVINCE_PREFIXES_TEXT, isProvincePrefix, lookupRegion, type RegionRecord } from './regionData.js';
import { message, type Findings } from './validationResult.js';

/** 地址码 — a six-digit region code as read from a number. */
export interface RegionField {
  /** The six digits as printed. */
  code: string;
  /** The code's record when it is in any revision 1980–2023, else null. */
  region: RegionRecord | null;
}

/**
 * The address code of a resident ID (spec §1) at `s[start … start+5]`: a province prefix
 * outside the list is an error; a code in no revision is a warning only (the union of
 * revisions is not complete); an abolished code is info, because a card keeps its code for life.
 */
export function checkResidentRegion(s: string, start: number, findings: Findings): RegionField {
  const code = digitsValue(s, start, 6);
  const province = Math.floor(code / 10000);
  if (!isProvincePrefix(province)) {
    const shown = s.slice(start, start + 2);
    const [hintZh, hintEn] = otherDocumentHint(province);
    findings.errors.push(
      message(
        'id.province',
        `省级代码${shown}不存在（应为${PROVINCE_PREFIXES_TEXT}）${hintZh}`,
        `province code ${shown} does not exist (expected ${PROVINCE_PREFIXES_TEXT})${hintEn}`,
      ),
    );
    return { code: s.slice(start, start + 6), region: null };
  }
  return describeRegion(s, start, code, findings);
}

/** A number of another document that looks like an ID (spec §1: 81–83 belong to the §4 permits). */
function otherDocumentHint(province: number): [string, string] {
  if (province >= 81 && province <= 83) return ['；810000/820000/830000开头的是港澳台居民居住证（种类hmt）', '; 810000/820000/830000 start a 港澳台 residence permit (kind hmt)'];
  if (province >= 90) return ['；9开头的18位号码可能是外国人永久居留身份证（种类pr）', '; an 18-character number starting with 9 may be a permanent residence ID (kind pr)'];
  return ['', ''];
}

/**
 * The registering authority's region in a USCC (spec §3, positions 3–8): `100000` is the
 * national level; anything unknown, even the province, is only a warning.
 */
export function checkAuthorityRegion(s: string, start: number, findings: Findings): RegionField {
  const code = digitsValue(s, start, 6);
  if (code === 100000) return { code: '100000', region: NATIONAL };
  return describeRegion(s, start, code, findings);
}

const NATIONAL: RegionRecord = Object.freeze({ code: '100000', name: '全国', firstYear: 1980, lastYear: null });

function describeRegion(s: string, start: number, code: number, findings: Findings): RegionField {
  const region = lookupRegion(code);
  const printed = region ? region.code : s.slice(start, start + 6);
  if (!region) {
    findings.warnings.push(
      message(
        'region.unknown',
        `地址码${printed}不在1980年以来任何一版行政区划代码中，请核对`,
        `region code ${printed} is in no revision of GB/T 2260 since 1980; please confirm`,
      ),
    );
    return { code: printed, region: null };
  }
  if (region.lastYear !== null) {
    findings.info.push(
      message(
        'region.abolished',
        `地址码${printed}为原${region.name}，至${region.lastYear}年（已撤销的代码仍然有效）`,
        `region code ${printed} is the former ${region.name}, listed until ${region.lastYear} (abolished codes stay valid)`,
      ),
    );
  }
  return { code: printed, region };
}
