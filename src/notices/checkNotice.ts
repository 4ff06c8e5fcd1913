/**
 * Check a read notice before it may run (spec §5–6): every identifier through the
 * validators, the consent record, privacy, legal deadlines and the customer's own
 * wording. A notice with an error is refused with its reasons; one with warnings is
 * refused until the desk lists its code in `confirmed`; info never blocks.
 */
import type { WorkCalendar } from './calendar.js';
import { OWN_PAPER, paperOf, type NoticesConfig, type Paper } from './config.js';
import { crossCheckNotice } from './crossChecks.js';
import { cutoffFindings } from './cutoff.js';
import { formatChineseDate } from './dates.js';
import { checkRunDates, noticeDeadlines, type Deadline } from './deadlines.js';
import { validateIdentifier } from './identifiers/index.js';
import type { IdentifierKind } from './identifiers/identifierKind.js';
import type { ValidateOptions, ValidationResult } from './identifiers/validationResult.js';
import { identifiersOf } from './noticeIdentifiers.js';
import { privacyFindings } from './privacy.js';
import type { LoadedNotice } from './readNotice.js';
import { noFindings, type Findings, type Reason } from './reasons.js';
import { isCompanyNotice, type Notice } from './schema/notice.js';
import type { RateCard } from './rateCard.js';
import { checkCustomText, printsTitle } from './wording.js';

/** The identifier validator's signature (src/notices/identifiers). */
export type ValidateFn = (kind: IdentifierKind, raw: string, opts?: ValidateOptions) => ValidationResult;

/** What the checks need besides the notice. */
export interface CheckContext {
  calendar: WorkCalendar;
  config: NoticesConfig;
  /** Options passed to every validator (the day birth dates are judged against, the font's glyphs). */
  validateOptions?: ValidateOptions;
  /** The validator; `validateIdentifier` unless a test injects another. */
  validate?: ValidateFn;
  /** The rate card, for the notice measure a logo is sized to (13 字 when absent). */
  rateCard?: RateCard;
  /** Reads a file's bytes (a logo); loadNoticeContext gives fs.readFileSync. Without it a logo cannot be checked, so it is refused. */
  readFile?: (path: string) => Uint8Array;
}

/** A notice that may run. */
export interface CheckedNotice extends LoadedNotice {
  paper: Paper;
  /** Legal deadlines (company notices; empty otherwise). */
  deadlines: Deadline[];
  /** Warnings the desk has confirmed. */
  warnings: Reason[];
  info: Reason[];
}

export type CheckResult =
  | { ok: true; checked: CheckedNotice }
  | { ok: false; file: string; refused: Reason[]; warnings: Reason[]; info: Reason[] };

/** Check one notice. Pure apart from the validators' lazily loaded tables. */
export function checkNotice(loaded: LoadedNotice, ctx: CheckContext): CheckResult {
  const { notice: n, file } = loaded;
  const f = noFindings();
  const add = (g: Findings) => {
    f.errors.push(...g.errors);
    f.warnings.push(...g.warnings);
    f.info.push(...g.info);
  };
  const paper = paperOf(ctx.config, n.run.paper);
  if (!paper) {
    // the desk's papers by name: an edition with its own desk (edition.yaml notices:) has one
    const known = Object.keys(ctx.config.papers).join('、');
    const own = ctx.config.defaultPaper === OWN_PAPER && known === OWN_PAPER ? [`本期报纸自己的刊登设置（edition.yaml notices:）只有 ${OWN_PAPER}`, `this edition's own desk (edition.yaml notices:) has only '${OWN_PAPER}'`] : [`可用：${known}（见 templates/notices.yaml）`, `known: ${known} (see templates/notices.yaml)`];
    f.errors.push(reason(file, 'run.paper', 'run.unknown-paper', `未知报纸“${n.run.paper}”，${own[0]}；不写 run.paper 即为本报`, `unknown paper “${n.run.paper}”: ${own[1]}; leave run.paper out for this paper`));
  }
  add(consentFindings(n, file));
  add(identifierFindings(n, file, ctx));
  if (paper) add(privacyFindings(n, paper, file));
  if (paper) add(cutoffFindings(n, paper.cutoff, file));
  add(dateFindings(n, file));
  add(crossCheckNotice(n, file));
  if (n.boldTitle === true && !printsTitle(n.type)) {
    f.errors.push(reason(file, 'boldTitle', 'extras.no-title', '此类声明不印标题（接排于栏目标题下），不能加粗标题：请删去 boldTitle', 'this type prints no title (it runs in under the group header), so a bold title cannot be printed or billed: remove boldTitle'));
  }
  let deadlines: Deadline[] = [];
  if (isCompanyNotice(n)) {
    deadlines = noticeDeadlines(n, ctx.calendar);
    add(deadlineFindings(n, deadlines, file, paper));
    f.errors.push(...checkCustomText(n, file));
  }
  if (f.errors.length > 0) return { ok: false, file, refused: f.errors, warnings: f.warnings, info: f.info };
  const listed = Array.isArray(n.confirmed) ? n.confirmed : [];
  const seen = (w: Reason) => listed.includes(w.code) || listed.includes(`${w.field}:${w.code}`);
  const unconfirmed = f.warnings.filter((w) => !seen(w));
  if (unconfirmed.length > 0) {
    const want = [...new Set(f.warnings.map((w) => w.code))].join(', ');
    const confirm = reason(
      file,
      'confirmed',
      'needs-confirmation',
      `有${unconfirmed.length}条警告未经核实：核实后在 confirmed 中列出其代码，如 confirmed: [${want}]`,
      `${unconfirmed.length} warning(s) not confirmed: check them, then list their codes, e.g. confirmed: [${want}]`,
    );
    return { ok: false, file, refused: [...unconfirmed, confirm], warnings: f.warnings, info: f.info };
  }
  for (const c of listed) {
    if (!f.warnings.some((w) => c === w.code || c === `${w.field}:${w.code}`)) {
      f.info.push(reason(file, 'confirmed', 'confirmed.unused', `已确认的“${c}”不在本次警告中`, `confirmed “${c}” matches no current warning`));
    }
  }
  return { ok: true, checked: { ...loaded, paper: paper as Paper, deadlines, warnings: f.warnings, info: f.info } };
}

function reason(file: string, field: string, code: string, message: string, messageEn: string): Reason {
  return { file, field, code, message, messageEn };
}

/** Spec §6 a: no publication without a consent record that covers print and predates the run. */
function consentFindings(n: Notice, file: string): Findings {
  const f = noFindings();
  const c = n.consent;
  if (!c) {
    f.errors.push(
      reason(file, 'consent', 'no-consent', '缺少同意记录：公开个人信息须取得单独同意（个人信息保护法第25条）', 'no consent record: making personal information public needs separate consent (PIPL art. 25)'),
    );
    return f;
  }
  if (!c.scope.includes('print')) {
    f.errors.push(reason(file, 'consent.scope', 'consent.no-print', '同意范围不含印刷版（print）', 'the consent does not cover print'));
  }
  const first = n.run.dates[0];
  if (c.at.slice(0, 10) > first) {
    f.errors.push(
      reason(file, 'consent.at', 'consent.after-run', `同意时间晚于首次刊登日期${formatChineseDate(first)}`, `consent was given after the first run date ${first}`),
    );
  }
  if (n.type === 'missing-person' && c.relation !== 'guardian' && c.relation !== 'family') {
    f.errors.push(
      reason(file, 'consent.relation', 'consent.missing-person', '寻人启事须由监护人或近亲属同意（relation: guardian 或 family）', 'a missing-person notice needs the consent of a guardian or family member (relation: guardian or family)'),
    );
  }
  return f;
}

/** Every identifier through the validators; numbers with no check rule are noted as unchecked. */
function identifierFindings(n: Notice, file: string, ctx: CheckContext): Findings {
  const f = noFindings();
  const validate = ctx.validate ?? (validateIdentifier as ValidateFn);
  for (const ref of identifiersOf(n)) {
    if (ref.kind === null) {
      f.info.push(reason(file, ref.field, 'identifier.unchecked', '此号码无校验规则，按原样刊出', 'no check rule for this number; printed as given'));
      continue;
    }
    const r = validate(ref.kind, ref.value, ctx.validateOptions);
    const to = (m: { code: string; message: string; messageEn: string }) => reason(file, ref.field, m.code, m.message, m.messageEn);
    f.errors.push(...r.errors.map(to));
    f.warnings.push(...r.warnings.map(to));
    f.info.push(...r.info.map(to));
  }
  return f;
}

/** Dates that must fall before or after the run. */
function dateFindings(n: Notice, file: string): Findings {
  const f = noFindings();
  const first = n.run.dates[0];
  const before = (field: string, date: string, zh: string, en: string) => {
    if (date > first) f.errors.push(reason(file, field, 'date.after-run', `${zh}${formatChineseDate(date)}晚于首次刊登日期${formatChineseDate(first)}`, `${en} ${date} is after the first run date ${first}`));
  };
  if (n.type === 'correction') before('published', n.published, '被更正的刊登日期', 'the corrected issue');
  if (n.type === 'missing-person') before('lastSeen.date', n.lastSeen.date, '走失日期', 'the day last seen');
  if (n.type === 'found-property') {
    before('found.date', n.found.date, '拾得日期', 'the day found');
    const last = n.run.dates[n.run.dates.length - 1];
    if (n.claimBy <= last) {
      f.errors.push(reason(file, 'claimBy', 'date.claim-before-run', `认领期限${formatChineseDate(n.claimBy)}须晚于最后刊登日期${formatChineseDate(last)}`, `the claim deadline ${n.claimBy} must be after the last run date ${last}`));
    }
  }
  return f;
}

/** Run dates against the legal periods; an uncomputable claims deadline needs confirming. */
function deadlineFindings(n: Notice & { type: 'liquidation' | 'capital-reduction' | 'merger' | 'split' }, deadlines: Deadline[], file: string, paper: Paper | undefined): Findings {
  const f = noFindings();
  for (const p of checkRunDates(n, deadlines)) f.errors.push(reason(file, p.field, p.code, p.message, p.messageEn));
  for (const d of deadlines) {
    if (d.period.name === 'publishBy') {
      // checked with the run dates above; an unmoved bound that the run meets is noted
      if (!d.ok && n.run.dates[0] <= d.raw) {
        f.info.push(reason(file, 'run.dates.0', 'deadline.publishBy.bound', `公告期限不早于${formatChineseDate(d.raw)}（无${d.year}年节假日数据，节假日只会使期限延后），刊登日期在此之前，按时`, `the publish-by deadline is not before ${d.raw} (no ${d.year} holiday data; holidays only move it later), and the run is on or before it: in time`));
      }
      continue;
    }
    if (!d.ok) {
      // a bound, not an error: the deadline is at least `raw`, and nothing here is checked against it
      f.info.push(reason(file, 'run.dates.0', `deadline.${d.period.name}.${d.code}`, `${d.period.zh}期限：${d.message}`, `${d.period.en} deadline: ${d.messageEn}`));
    } else {
      f.info.push(
        reason(file, d.period.from === 'publication' ? 'run.dates.0' : 'decision.date', `deadline.${d.period.name}`, `${d.period.zh}期限：${formatChineseDate(d.due)}`, `${d.period.en} by ${d.due}`),
      );
    }
  }
  if (n.type === 'liquidation' && paper && paper.level === 'city') {
    f.warnings.push(
      reason(file, 'run.paper', 'paper.level', `清算公告应登载于全国或有影响的省级报纸（公司法解释二第11条），${paper.name}为市级报纸`, `a liquidation notice belongs in a national or influential provincial paper (SPC interpretation II art. 11); ${paper.name} is a city paper`),
    );
  }
  return f;
}
