import { codePointLength, findBadCharacter, isDigit, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { normalizeIdentifier } from './normalizeIdentifier.js';
import { isId18Char } from './readId18.js';
import { readResidentId18, type ResidentIdParsed } from './validateResidentId.js';
import { message, newFindings, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** 残疾类别 — position 19 of a disability certificate number (spec §2). */
export const DISABILITY_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '视力残疾',
  '2': '听力残疾',
  '3': '言语残疾',
  '4': '肢体残疾',
  '5': '智力残疾',
  '6': '精神残疾',
  '7': '多重残疾',
};

/** 残疾等级 — position 20: 1 most severe … 4 mildest (spec §2). */
export const DISABILITY_GRADES: Readonly<Record<string, string>> = { '1': '一级', '2': '二级', '3': '三级', '4': '四级' };

/** 第二代残疾人证号 — a second-generation disability certificate number. */
export interface DisabilityCertParsed {
  /** Positions 1–18, read as a resident ID (§1). */
  id: ResidentIdParsed;
  /** Position 19, `1`–`7`, as printed. */
  categoryCode: string;
  /** Its name, e.g. `肢体残疾`; null when the code is not 1–7. */
  category: string | null;
  /** Position 20, `1`–`4`, as printed. */
  gradeCode: string;
  /** Its name, e.g. `一级`; null when the code is not 1–4. */
  grade: string | null;
}

/**
 * Validates a 20-character disability certificate number (kind `disability`, spec §2):
 * `^\d{17}[\dX][1-7][1-4]$`, positions 1–18 checked as an ID number. Positions 19–20 are
 * health data (§6); masking them is the notices module's business, not this check's.
 */
export function validateDisabilityCert(raw: string, opts?: ValidateOptions): ValidationResult<DisabilityCertParsed> {
  const { normalized: s, warnings } = normalizeIdentifier(raw);
  const findings = newFindings();
  if (warnings.length > 0) findings.warnings.push(...warnings);
  if (s.length === 0) {
    reportEmpty(findings);
    return toResult('disability', raw, s, findings, null);
  }
  const length = codePointLength(s);
  const bad = findBadCharacter(s, (cp, i) => (i < 18 ? isId18Char(cp, i) : isDigit(cp)));
  if (bad) reportBadCharacter(findings, bad, '数字，仅第18位可为X', 'digits; X only at position 18');
  if (length !== 20) reportLength(findings, length, '20位', '20');
  if (bad || length !== 20) return toResult('disability', raw, s, findings, null);

  const id = readResidentId18(s, findings, opts);
  const categoryCode = s[18];
  const gradeCode = s[19];
  const category = DISABILITY_CATEGORIES[categoryCode] ?? null;
  const grade = DISABILITY_GRADES[gradeCode] ?? null;
  if (!category) {
    findings.errors.push(
      message('disability.category', `第19位残疾类别${categoryCode}不存在（应为1–7）`, `disability category ${categoryCode} at position 19 does not exist (expected 1–7)`),
    );
  }
  if (!grade) {
    findings.errors.push(
      message('disability.grade', `第20位残疾等级${gradeCode}不存在（应为1–4）`, `disability grade ${gradeCode} at position 20 does not exist (expected 1–4)`),
    );
  }
  return toResult('disability', raw, s, findings, { id, categoryCode, category, gradeCode, grade });
}
