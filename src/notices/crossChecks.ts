/**
 * Cross-checks between a notice's fields (issue 14 item 9), as warnings the desk confirms:
 * - a licence or document number that is itself a valid USCC of a company other than the
 *   one named (the notice would void another company's licence);
 * - consent given as `self` by someone other than the holder;
 * - a company's own wording whose creditors' clause is negated (“不得…申报债权”) or lacks
 *   the 30-day period for creditors with a letter.
 * Duplicates across notices are found where all notices are seen (noticesForEdition).
 */
import { validateIdentifier } from './identifiers/index.js';
import { normalizeIdentifier } from './identifiers/normalizeIdentifier.js';
import { printedName } from './identifiers/validatePersonName.js';
import { noFindings, type Findings, type Reason } from './reasons.js';
import { isCompanyNotice, type Notice } from './schema/notice.js';

const warn = (file: string, field: string, code: string, message: string, messageEn: string): Reason => ({ file, field, code, message, messageEn });

/** All field cross-checks of one notice. */
export function crossCheckNotice(n: Notice, file: string): Findings {
  const f = noFindings();
  const other = otherCompanyUscc(n);
  if (other) {
    f.warnings.push(
      warn(file, 'number', 'cross.other-uscc', `编号${other.number}是另一单位的统一社会信用代码（本声明单位的代码为${other.own}）：声明将使他人的证照作废，请核对`, `the number ${other.number} is a valid USCC of another organisation (this notice's is ${other.own}): it would void someone else's licence; check it`),
    );
  }
  if (n.consent?.relation === 'self' && n.type === 'lost-person' && printedName(n.consent.by) !== printedName(n.holder)) {
    f.warnings.push(
      warn(file, 'consent.by', 'consent.self-not-holder', `同意人“${n.consent.by}”不是持证人“${n.holder}”，却标为本人（relation: self）`, `consent by “${n.consent.by}”, who is not the holder “${n.holder}”, is marked relation: self`),
    );
  }
  if (isCompanyNotice(n) && n.text && n.type !== 'split') {
    const body = n.text.body.join('');
    if (NEGATED.test(body)) {
      f.warnings.push(warn(file, 'text.body', 'wording.negated-creditor-clause', '债权人条款被否定（如“不得…申报债权”）：债权人依法有权申报债权、要求清偿或担保', 'the creditors’ clause is negated (e.g. “不得…申报债权”): creditors have a legal right to claim, or to repayment or security'));
    }
    if (!/三十日|30日|30天|三十天/u.test(body)) {
      f.warnings.push(warn(file, 'text.body', 'wording.missing-30-days', '债权人条款缺少“自接到通知之日起三十日内”', 'the creditors’ clause lacks “within 30 days of receiving the letter”'));
    }
  }
  return f;
}

/** A negation before the creditors' right, within the same clause. */
const NEGATED = /(不得|不予|不能|不可|无需|无须|不必|不再|无权|不接受|不受理)[^。；;]{0,15}(申报债权|申报|清偿|担保)/u;

/** The number of a lost licence or void notice when it is a valid USCC different from the organisation's. */
function otherCompanyUscc(n: Notice): { number: string; own: string } | null {
  if (n.type !== 'lost-org' && n.type !== 'void') return null;
  const own = n.uscc;
  if (own === undefined) return null;
  const number = normalizeIdentifier(n.number).normalized;
  if (number.length !== 18 || number === normalizeIdentifier(own).normalized) return null;
  return validateIdentifier('uscc', number).ok ? { number, own: normalizeIdentifier(own).normalized } : null;
}
