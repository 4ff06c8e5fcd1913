/**
 * Masking of printed certificate numbers (spec §6 b–d). Only a person's certificate
 * number in a 遗失 notice is masked; company codes are not personal information.
 *
 * Positions are counted in code points, 1-based, as the spec states them.
 */
import type { IdentifierKind } from './identifiers/identifierKind.js';
import { normalizeIdentifier } from './identifiers/normalizeIdentifier.js';
import type { Paper } from './config.js';
import { CERTIFICATE_KINDS } from './noticeIdentifiers.js';
import type { Reason } from './reasons.js';
import type { MaskPreset } from './schema/common.js';
import type { Notice, NoticeOf } from './schema/notice.js';

/** Where a notice appears: the printed paper, or the e-paper and archive (PDF/A, ALTO). */
export type Channel = 'print' | 'archive';

/** How one number is shown in one channel. */
export interface MaskRule {
  preset: MaskPreset;
  /** Disability certificates: hide positions 19–20 (category, grade). */
  maskCategoryGrade: boolean;
  /** Disability certificates: print `证件` instead of `残疾人证`. */
  dropCategoryWord: boolean;
}

const STRICTNESS: Record<MaskPreset, number> = { full: 0, birthdate: 1, last4: 2 };
const MASK = '*';

/**
 * The rule for a 遗失 notice's number in a channel: the paper's rule for its certificate
 * (or the channel default), made stricter by the notice's own choice, never looser.
 */
export function maskRuleFor(n: NoticeOf<'lost-person'>, channel: Channel, paper: Paper): MaskRule {
  const policy = paper.privacy[channel];
  const rule = policy.certificates[n.certificate] ?? policy.default;
  const base = typeof rule === 'string' ? { preset: rule } : rule;
  const chosen = n.privacy?.[channel];
  const preset = chosen !== undefined && STRICTNESS[chosen] > STRICTNESS[base.preset] ? chosen : base.preset;
  return {
    preset,
    maskCategoryGrade: (typeof rule === 'object' && rule.maskCategoryGrade === true) || n.privacy?.maskCategoryGrade === true,
    dropCategoryWord: typeof rule === 'object' && rule.dropCategoryWord === true,
  };
}

/**
 * 1-based [first, last] positions of the birth date inside a number of this kind and
 * length, or null when it carries none: YYYYMMDD at 7–14 in 18-character ID-type numbers
 * (resident ID, disability certificate, HMT permit, new PR card), YYMMDD at 7–12 in a
 * 15-digit resident ID.
 */
export function birthDatePositions(kind: IdentifierKind | null, length: number): [number, number] | null {
  const idLike = kind === 'id' || kind === 'driving-licence' || kind === 'hmt' || kind === 'pr' || kind === 'disability';
  if (!idLike) return null;
  if (length === 18 || (kind === 'disability' && length === 20)) return [7, 14];
  if (length === 15 && kind !== 'pr') return [7, 12];
  return null;
}

/** The number as printed in a channel under a rule. `kind` says where the birth date is. */
export function maskNumber(number: string, kind: IdentifierKind | null, rule: MaskRule): string {
  const chars = [...number];
  const hide = (from: number, to: number) => {
    for (let p = from; p <= to && p <= chars.length; p++) chars[p - 1] = MASK;
  };
  if (rule.preset === 'last4') hide(1, chars.length - 4);
  if (rule.preset === 'birthdate') {
    const span = birthDatePositions(kind, chars.length);
    if (span) hide(span[0], span[1]);
  }
  if (rule.maskCategoryGrade && kind === 'disability' && chars.length === 20) hide(19, 20);
  return chars.join('');
}

/** A lost-person notice's number and certificate word as printed in a channel. */
export function printedCertificate(n: NoticeOf<'lost-person'>, channel: Channel, paper: Paper): { word: string; number: string } {
  const rule = maskRuleFor(n, channel, paper);
  const kind = CERTIFICATE_KINDS[n.certificate];
  const word = rule.dropCategoryWord ? '证件' : n.certificate === '其他' ? (n.certificateName ?? '证件') : n.certificate;
  return { word, number: printNumber(n.number, kind, rule, paper.numberStyle) };
}

/**
 * A certificate number as printed: normalised first (spec §0: NFKC, spaces and dashes
 * gone, upper case — the form the validator checked), then masked by position on that
 * normal form, then grouped as the paper's style says. Masking the number as typed would
 * count the separators as positions: `440304-19881107-2623` under `birthdate` would hide
 * `-1988110` and print the day of birth.
 */
export function printNumber(raw: string, kind: IdentifierKind | null, rule: MaskRule, style: NumberStyle = 'plain'): string {
  const normal = normalNumber(raw, kind);
  return groupNumber(maskNumber(normal, kind, rule), kind, style);
}

/**
 * How a paper prints a checked number: `plain`, one unbroken run (the default), or
 * `grouped`, ID-type numbers in their fields (region 6, birth date 8, sequence and check
 * 4, category and grade 2) separated by a space.
 */
export type NumberStyle = 'plain' | 'grouped';

/**
 * The normal form of a number for printing. Kinds with a validator print what the
 * validator checked, and so do numbers with no check rule (spec §0's common rules); a
 * 不动产权证书 number is Han text with full-width brackets, so only its spaces go.
 */
export function normalNumber(raw: string, kind: IdentifierKind | null): string {
  if (kind === 'property-cert') return propertyCertForm(raw);
  return normalizeIdentifier(raw).normalized;
}

/** A 不动产权证书 number in Chinese text: no spaces, ASCII digits, full-width brackets 苏（2020）…. */
function propertyCertForm(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/** Field lengths of the ID-type numbers, for the `grouped` style. */
function groupsOf(kind: IdentifierKind | null, length: number): number[] | null {
  if (birthDatePositions(kind, length) === null) return null;
  if (length === 18) return [6, 8, 4];
  if (length === 20) return [6, 8, 4, 2];
  if (length === 15) return [6, 6, 3];
  return null;
}

/** The number in the paper's style; only ID-type numbers have groups. */
export function groupNumber(number: string, kind: IdentifierKind | null, style: NumberStyle): string {
  const chars = [...number];
  const groups = style === 'grouped' ? groupsOf(kind, chars.length) : null;
  if (!groups) return number;
  const out: string[] = [];
  let at = 0;
  for (const g of groups) {
    out.push(chars.slice(at, at + g).join(''));
    at += g;
  }
  return out.join(' ');
}

/**
 * A number as printed for kinds without a normal form (spec §1: print as submitted,
 * convert only for checking): full-width characters made ASCII, spaces removed and `x`
 * upper-cased.
 */
export function printForm(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').replace(/x/g, 'X');
}

/**
 * True when the consent covers the channel. The archive channel feeds both the archive
 * (pages, ALTO, METS) and the e-paper, so it needs `archive` and `epaper`: either alone
 * would put the notice where its consent excludes it.
 */
export function channelAllowed(n: Notice, channel: Channel): boolean {
  const scope = n.consent?.scope ?? [];
  return channel === 'print' ? scope.includes('print') : scope.includes('archive') && scope.includes('epaper');
}

/**
 * Privacy findings for a notice in a paper: the disability warning (positions 19–20 are
 * health data, shown in a channel unless masked), the separate consent sensitive data
 * needs, and channels the consent does not cover.
 */
export function privacyFindings(n: Notice, paper: Paper, file: string): { errors: Reason[]; warnings: Reason[]; info: Reason[] } {
  const out = { errors: [] as Reason[], warnings: [] as Reason[], info: [] as Reason[] };
  if (!n.consent) return out;
  if (!channelAllowed(n, 'archive')) {
    out.info.push({
      file,
      field: 'consent.scope',
      code: 'privacy.no-archive-consent',
      message: '同意范围不含电子版/存档：电子版和存档须略去本声明',
      messageEn: 'consent does not cover the e-paper/archive: leave this notice out of them',
    });
  }
  if (n.type !== 'lost-person' || n.certificate !== '残疾人证') return out;
  if (n.consent.sensitive !== true) {
    out.errors.push({
      file,
      field: 'consent.sensitive',
      code: 'privacy.no-sensitive-consent',
      message: '残疾人证属敏感个人信息，须取得单独同意（个人信息保护法第28、29条）：consent.sensitive 须为 true',
      messageEn: 'a disability certificate is sensitive personal information and needs separate consent (PIPL art. 28–29): set consent.sensitive: true',
    });
  }
  const channels: Channel[] = ['print', 'archive'];
  const shown = channels.filter((c) => channelAllowed(n, c) && categoryGradeShown(maskRuleFor(n, c, paper)));
  const reason = (code: string, zh: string, en: string): Reason => ({ file, field: 'number', code, message: zh, messageEn: en });
  if (shown.length > 0) {
    const where = shown.map((c) => (c === 'print' ? '印刷版' : '电子版/存档')).join('、');
    out.warnings.push(
      reason(
        'privacy.disability-category',
        `残疾人证号第19、20位显示残疾类别和等级（健康信息），将在${where}中完整刊出；可设 privacy.maskCategoryGrade: true 遮盖`,
        `positions 19–20 of a disability certificate number reveal category and grade (health data) and would appear in ${shown.join(', ')}; set privacy.maskCategoryGrade: true to mask them`,
      ),
    );
  } else {
    out.info.push(
      reason(
        'privacy.disability-category-masked',
        '残疾人证号第19、20位（残疾类别和等级）已遮盖',
        'positions 19–20 of the disability certificate number (category, grade) are masked',
      ),
    );
  }
  return out;
}

/** Every preset leaves the last characters visible (last4 shows 17–20), so only the option hides 19–20. */
function categoryGradeShown(rule: MaskRule): boolean {
  return !rule.maskCategoryGrade;
}
