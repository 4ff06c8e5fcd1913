import { findBadCharacter, isDigit, reportBadCharacter, reportEmpty, reportLength } from './characterChecks.js';
import { prepareIdentifier } from './normalizeIdentifier.js';
import { validateResidentId, type ResidentIdParsed } from './validateResidentId.js';
import { message, toResult, type ValidateOptions, type ValidationResult } from './validationResult.js';

/**
 * Validates a driving licence number, 驾驶证证号 (kind `driving-licence`): it is the holder's
 * resident ID number, so every rule of §1 applies.
 */
export function validateDrivingLicence(raw: string, opts?: ValidateOptions): ValidationResult<ResidentIdParsed> {
  return validateResidentId(raw, opts, 'driving-licence');
}

/** 驾驶证档案编号 — a driving licence file number. */
export interface DrivingFileParsed {
  /** The digits. */
  fileNumber: string;
}

/** Longer than any file number: not a file number at all. */
const MAX_LENGTH = 32;

/**
 * Validates a driving licence file number, 档案编号 (kind `driving-file`). Spec §4 gives only the
 * loose pattern `^\d{12}$`: anything but digits, or over 32 long, is an error; another length a warning.
 */
export function validateDrivingFile(raw: string, _opts?: ValidateOptions): ValidationResult<DrivingFileParsed> {
  const { s, findings, length } = prepareIdentifier(raw);
  if (length === 0) {
    reportEmpty(findings);
    return toResult('driving-file', raw, s, findings, null);
  }
  const bad = findBadCharacter(s, isDigit);
  if (bad) reportBadCharacter(findings, bad, '数字', 'digits');
  if (length > MAX_LENGTH) reportLength(findings, length, `不超过${MAX_LENGTH}位`, `at most ${MAX_LENGTH}`);
  if (bad || length > MAX_LENGTH) return toResult('driving-file', raw, s, findings, null);
  if (length !== 12) {
    findings.warnings.push(
      message('driving-file.length', `档案编号通常为12位，实为${length}位，请核对`, `a file number usually has 12 digits, this one ${length}; please confirm`),
    );
  }
  return toResult('driving-file', raw, s, findings, { fileNumber: s });
}
