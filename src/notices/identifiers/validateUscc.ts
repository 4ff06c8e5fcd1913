import { usccCheckChar, usccValue } from './checkCharacters.js';
import { codePointLength, findBadCharacter, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { checkAuthorityRegion } from './checkRegion.js';
import { normalizeIdentifier } from './normalizeIdentifier.js';
import type { RegionRecord } from './regionData.js';
import { lookupUsccDepartment } from './usccDepartments.js';
import { readOrgCode, type OrgCodeParsed } from './validateOrgCode.js';
import { message, newFindings, toResult, type Findings, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 统一社会信用代码 — the fields of a USCC (GB 32100-2015, spec §3). */
export interface UsccParsed {
  /** Position 1, the registration department, as printed. */
  departmentCode: string;
  /** Its name, e.g. `工商/市场监管`; null when undefined. */
  department: string | null;
  /** Position 2, the organisation type, as printed. */
  typeCode: string;
  /** Its name under the department, e.g. `企业`; null when the pair is undefined. */
  type: string | null;
  /** Positions 3–8, the registering authority's GB/T 2260 code (`100000` = national). */
  regionCode: string;
  /** Its record, or null when the code is in no revision. */
  region: RegionRecord | null;
  /** Positions 9–17, the organisation code. */
  orgCode: OrgCodeParsed;
  /** Position 18 as printed. */
  checkChar: string;
  /** The MOD 31 check character positions 1–17 call for. */
  expectedCheckChar: string;
}

const CHARSET_ZH = '0–9或A–H、J–N、P–R、T、U、W–Y（无I、O、Z、S、V）';
const CHARSET_EN = '0–9 or A–H J–N P–R T U W–Y (no I, O, Z, S, V)';

/**
 * Validates a unified social credit code (kind `uscc`), in the spec's order: character set →
 * department/type → organisation check → MOD 31 → region (warning). The character set
 * stops the check (no value can be computed without it); the later steps all run, so the desk
 * sees every reason at once, listed in that order.
 */
export function validateUscc(raw: string, _opts?: ValidateOptions): ValidationResult<UsccParsed> {
  const { normalized: s, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  if (warnings.length > 0) findings.warnings.push(...warnings);
  if (s.length === 0) {
    reportEmpty(findings);
    return toResult('uscc', raw, s, findings, null);
  }
  const length = codePointLength(s);
  const bad = findBadCharacter(s, (cp) => usccValue(cp) >= 0);
  if (bad) reportBadCharacter(findings, bad, CHARSET_ZH, CHARSET_EN);
  if (length !== 18) reportLength(findings, length, '18位', '18');
  if (bad || length !== 18) return toResult('uscc', raw, s, findings, null);
  return toResult('uscc', raw, s, findings, readUscc(s, findings));
}

function readUscc(s: string, findings: Findings): UsccParsed {
  const departmentCode = s[0];
  const typeCode = s[1];
  const dept = lookupUsccDepartment(departmentCode);
  const type = dept && Object.hasOwn(dept.types, typeCode) ? dept.types[typeCode] : null;
  if (!dept) {
    findings.errors.push(
      message('uscc.department', `第1位登记管理部门代码${departmentCode}未定义`, `registration department ${departmentCode} at position 1 is not defined`),
    );
  } else if (!type) {
    findings.errors.push(
      message(
        'uscc.type',
        `第2位机构类别${typeCode}在登记管理部门${departmentCode}（${dept.name}）下未定义`,
        `organisation type ${typeCode} at position 2 is not defined under department ${departmentCode} (${dept.name})`,
      ),
    );
  }
  const orgCode = readOrgCode(s, 8, findings, 'uscc.org-check');
  const expectedCheckChar = usccCheckChar(s);
  const checkChar = s[17];
  if (checkChar !== expectedCheckChar) {
    findings.errors.push(
      message('uscc.check', `校验码应为${expectedCheckChar}，实为${checkChar}`, `check character should be ${expectedCheckChar}, not ${checkChar}`),
    );
  }
  const region = readAuthorityRegion(s, findings);
  return {
    departmentCode,
    department: dept?.name ?? null,
    typeCode,
    type,
    regionCode: region.code,
    region: region.region,
    orgCode,
    checkChar,
    expectedCheckChar,
  };
}

/** Positions 3–8 may hold letters in a malformed code; only an all-digit code is looked up. */
function readAuthorityRegion(s: string, findings: Findings): { code: string; region: RegionRecord | null } {
  const code = s.slice(2, 8);
  if (!/^\d{6}$/.test(code)) {
    findings.warnings.push(
      message('region.unknown', `第3–8位登记管理机关行政区划码${code}不是6位数字，请核对`, `authority region code ${code} (positions 3–8) is not six digits; please confirm`),
    );
    return { code, region: null };
  }
  return checkAuthorityRegion(s, 2, findings);
}
