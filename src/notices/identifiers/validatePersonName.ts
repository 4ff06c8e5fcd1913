import { characterLevel, type CharacterLevel } from './characterLevels.js';
import { describeCodePoint } from './characterChecks.js';
import { message, newFindings, toResult, type Findings, type ValidateOptions, type ValidationResult } from './validationResult.js';

/** One character of a name with what the checks found out about it. */
export interface NameCharacter {
  /** The character (one code point). */
  char: string;
  /** Its code point. */
  codePoint: number;
  /** Level in 通用规范汉字表; null when not among the 8,105 (or not a Han character). */
  level: CharacterLevel | null;
}

/** 姓名 — a personal name as checked against spec §7. */
export interface PersonNameParsed {
  /** The name's characters after normalisation, by code point. */
  characters: NameCharacter[];
  /** Number of Han characters, Private Use 造字 included (dots not counted). */
  hanCount: number;
  /** Number of middle dots U+00B7. */
  dotCount: number;
  /** Whether a page-font glyph check ran (a `hasGlyph` option was given). */
  glyphChecked: boolean;
}

/** The middle dot a name must use: U+00B7 (GB 18030 A1A4). */
export const MIDDLE_DOT = '\u00b7';

/** Look-alike dots mapped to U+00B7 with a warning (spec §7). */
const DOT_VARIANTS: ReadonlySet<number> = new Set([0x30fb, 0xff65, 0x2022, 0x2027, 0x2219, 0x22c5]);

/** The 12 unified ideographs in the compatibility block (U+FA0E …). */
const FA_UNIFIED: ReadonlySet<number> = new Set([0xfa0e, 0xfa0f, 0xfa11, 0xfa13, 0xfa14, 0xfa1f, 0xfa21, 0xfa23, 0xfa24, 0xfa27, 0xfa28, 0xfa29]);

/** CJK Unified Ideographs: URO, Ext A–I (block ranges) and the 12 in FAxx (spec §7). */
export function isHanIdeograph(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // URO
    (cp >= 0x3400 && cp <= 0x4dbf) || // Ext A
    (cp >= 0x20000 && cp <= 0x2a6df) || // Ext B
    (cp >= 0x2a700 && cp <= 0x2ee5f) || // Ext C, D, E, F, I (contiguous blocks)
    (cp >= 0x30000 && cp <= 0x323af) || // Ext G, H
    FA_UNIFIED.has(cp)
  );
}

function isPrivateUse(cp: number): boolean {
  return (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0xffffd) || (cp >= 0x100000 && cp <= 0x10fffd);
}

// Space separators a clerk may pad a two-character name with (张　明); dropped silently.
const SPACES = /\p{Zs}/gu;

const MAX_LISTED = 10;

/**
 * Validates a personal name (kind `name`, spec §7): Han characters and U+00B7 only; look-alike
 * dots mapped with a warning; leading, trailing or doubled dots are errors; 1–25 Han
 * characters, warning on 1 or on more than 6 without a dot; warnings for characters outside
 * 通用规范汉字表, outside the BMP, or without a glyph in the page font (`opts.hasGlyph`);
 * Private Use Area characters (legacy 造字) are errors unless the font maps them.
 */
export function validatePersonName(raw: string, opts?: ValidateOptions): ValidationResult<PersonNameParsed> {
  const findings = newFindings();
  const normalized = normalizeName(raw, findings);
  if (normalized.length === 0) {
    findings.errors.push(message('input.empty', '姓名为空', 'the name is empty'));
    return toResult('name', raw, normalized, findings, null);
  }
  const characters: NameCharacter[] = [];
  // Sets, not arrays: a 10 kB input of distinct characters must stay linear.
  const bad = new Set<number>();
  const outsideTable = new Set<number>();
  const outsideBmp = new Set<number>();
  const noGlyph = new Set<number>();
  const privateUse = new Set<number>();
  let hanCount = 0;
  let dotCount = 0;
  for (const char of normalized) {
    const codePoint = char.codePointAt(0) as number;
    const level = characterLevel(codePoint);
    characters.push({ char, codePoint, level });
    if (char === MIDDLE_DOT) dotCount++;
    else if (isHanIdeograph(codePoint)) {
      hanCount++;
      if (level === null) outsideTable.add(codePoint);
      if (codePoint > 0xffff) outsideBmp.add(codePoint);
    } else if (isPrivateUse(codePoint)) {
      // Legacy 造字 stands for a rare Han character, so it counts towards the length.
      privateUse.add(codePoint);
      hanCount++;
    } else bad.add(codePoint);
    if (opts?.hasGlyph && !isPrivateUse(codePoint) && !opts.hasGlyph(codePoint)) noGlyph.add(codePoint);
  }
  reportCharacters(findings, bad, privateUse, opts);
  reportDots(findings, normalized);
  reportLength(findings, hanCount, dotCount);
  reportRepertoire(findings, outsideTable, outsideBmp, noGlyph);
  return toResult('name', raw, normalized, findings, { characters, hanCount, dotCount, glyphChecked: opts?.hasGlyph !== undefined });
}

/** Dots first (so U+FF65 is reported as itself), then spaces, then NFKC with a warning if it changed anything. */
/**
 * A name as printed: what the check accepted, i.e. look-alike dots as U+00B7, spaces
 * dropped, NFKC (spec §7). The page prints this form, never the one typed.
 */
export function printedName(raw: string): string {
  return normalizeName(raw, newFindings());
}

function normalizeName(raw: string, findings: Findings): string {
  let dotted = '';
  const variants = new Set<number>();
  for (const char of raw) {
    const cp = char.codePointAt(0) as number;
    if (DOT_VARIANTS.has(cp)) {
      variants.add(cp);
      dotted += MIDDLE_DOT;
    } else dotted += char;
  }
  if (variants.size > 0) {
    findings.warnings.push(
      message('name.dot-mapped', `间隔号${listOf(variants, 'zh')}已改为U+00B7“·”`, `middle dot ${listOf(variants, 'en')} changed to U+00B7 “·”`),
    );
  }
  const spaced = dotted.replace(SPACES, '');
  const nfkc = spaced.normalize('NFKC');
  if (nfkc !== spaced) {
    findings.warnings.push(
      message('name.normalized', `姓名已按NFKC规范化为“${nfkc}”，请核对`, `the name was NFKC-normalised to “${nfkc}”; please check`),
    );
  }
  return nfkc;
}

function reportCharacters(findings: Findings, bad: Set<number>, privateUse: Set<number>, opts?: ValidateOptions): void {
  if (bad.size > 0) {
    findings.errors.push(
      message('name.charset', `姓名含有非汉字字符${listOf(bad, 'zh')}（只允许汉字和间隔号·）`, `the name contains ${listOf(bad, 'en')}; only Han characters and the middle dot · are allowed`),
    );
  }
  if (privateUse.size === 0) return;
  const mapped = [...privateUse].filter((cp) => opts?.hasGlyph?.(cp) === true);
  const unmapped = [...privateUse].filter((cp) => !mapped.includes(cp));
  if (unmapped.length > 0) {
    findings.errors.push(
      message('name.private-use', `姓名含有私用区造字${listOf(unmapped, 'zh')}，字库中没有对应字形`, `the name contains Private Use characters ${listOf(unmapped, 'en')} with no glyph in the page font`),
    );
  }
  if (mapped.length > 0) {
    findings.warnings.push(
      message('name.private-use-mapped', `姓名含有私用区造字${listOf(mapped, 'zh')}，仅本报字库可显示，请核对`, `the name contains Private Use characters ${listOf(mapped, 'en')}, shown only by the page font; please confirm`),
    );
  }
}

function reportDots(findings: Findings, name: string): void {
  if (name.startsWith(MIDDLE_DOT)) findings.errors.push(message('name.dot-leading', '姓名不能以间隔号开头', 'a name cannot start with a middle dot'));
  if (name.endsWith(MIDDLE_DOT) && name !== MIDDLE_DOT) {
    findings.errors.push(message('name.dot-trailing', '姓名不能以间隔号结尾', 'a name cannot end with a middle dot'));
  }
  if (name.includes(MIDDLE_DOT + MIDDLE_DOT)) findings.errors.push(message('name.dot-doubled', '姓名中间隔号连用', 'the name has two middle dots in a row'));
}

function reportLength(findings: Findings, hanCount: number, dotCount: number): void {
  if (hanCount === 0 || hanCount > 25) {
    findings.errors.push(message('name.length', `姓名应有1–25个汉字，实有${hanCount}个`, `a name has 1–25 Han characters, this one ${hanCount}`));
  } else if (hanCount === 1) {
    findings.warnings.push(message('name.single-character', '姓名只有1个汉字，请核对', 'the name has a single Han character; please confirm'));
  } else if (hanCount > 6 && dotCount === 0) {
    findings.warnings.push(
      message('name.long-without-dot', `姓名有${hanCount}个汉字且无间隔号，请核对`, `the name has ${hanCount} Han characters and no middle dot; please confirm`),
    );
  }
}

function reportRepertoire(findings: Findings, outsideTable: Set<number>, outsideBmp: Set<number>, noGlyph: Set<number>): void {
  if (outsideTable.size > 0) {
    findings.warnings.push(
      message('name.not-in-table', `${listOf(outsideTable, 'zh')}不在《通用规范汉字表》内，请核对`, `${listOf(outsideTable, 'en')} not in the Table of General Standard Chinese Characters; please confirm`),
    );
  }
  if (outsideBmp.size > 0) {
    findings.warnings.push(
      message(
        'name.outside-bmp',
        `${listOf(outsideBmp, 'zh')}在基本多文种平面之外，请确认字库和下游系统能显示`,
        `${listOf(outsideBmp, 'en')} outside the BMP; check that the font and downstream systems support it`,
      ),
    );
  }
  if (noGlyph.size > 0) {
    findings.warnings.push(message('name.no-glyph', `版面字体缺少${listOf(noGlyph, 'zh')}的字形`, `the page font has no glyph for ${listOf(noGlyph, 'en')}`));
  }
}

/** “𬉼”（U+2C27C）、… — at most MAX_LISTED, so a 10 kB input gives a short message. */
function listOf(codePoints: Iterable<number>, lang: 'zh' | 'en'): string {
  const all = [...codePoints];
  const shown = all.slice(0, MAX_LISTED).map((cp) => {
    const described = describeCodePoint(cp);
    const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    return described === hex ? hex : lang === 'zh' ? `${described}（${hex}）` : `${described} (${hex})`;
  });
  const more = all.length - shown.length;
  if (lang === 'zh') return shown.join('、') + (more > 0 ? `等${all.length}个` : '');
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
}
