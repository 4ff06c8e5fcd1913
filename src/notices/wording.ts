/**
 * Wording (措辞): a notice's printed text, from the spec's templates (§5) or, for company
 * notices, from the customer's own text after checking it for the required elements.
 * The output is plain data for the layout: title, paragraphs, sign-off lines, date.
 * Nothing here measures or breaks lines.
 */
import type { Paper } from './config.js';
import { formatChineseDate } from './dates.js';
import { normalNumber, printForm, printedCertificate, type Channel } from './privacy.js';
import { ORG_ITEM_KINDS } from './noticeIdentifiers.js';
import { printedName } from './identifiers/validatePersonName.js';
import type { PlacedLogo } from './logo.js';
import type { Reason } from './reasons.js';
import {
  groupOf,
  isCompanyNotice,
  NOTICE_TITLES,
  type CompanyNotice,
  type Notice,
  type NoticeGroupId,
  type NoticeType,
} from './schema/notice.js';

/** A notice's text, ready to set. */
export interface NoticeText {
  type: NoticeType;
  /** Page group (spec order), see NOTICE_GROUPS. */
  group: NoticeGroupId;
  /** Title; printed unless `runIn`. */
  title: string;
  /** 遗失/作废/更正 items run in one after another under their group header, without a title each. */
  runIn: boolean;
  /** Company notice: bold title, right-aligned sign-off and date, never split across columns or pages. */
  company: boolean;
  /** Body paragraphs. */
  paragraphs: string[];
  /** Sign-off lines (落款), set right-aligned; empty when none. */
  signoff: string[];
  /** Date line under the sign-off, e.g. `2026年11月24日`; null when none is printed. */
  date: string | null;
  /** Paid extras to set: a box, a bold title, a logo (checked and sized: see logo.ts). */
  extras: { box: boolean; boldTitle: boolean; logo?: PlacedLogo };
}

export type WordingResult = { ok: true; text: NoticeText } | { ok: false; refused: Reason[] };

/** Options: the paper (for privacy masking) and the channel the text is for. */
export interface WordingOptions {
  paper: Paper;
  /** `print` (default) or `archive` (e-paper and archive: its own masking). */
  channel?: Channel;
  /** Names the file in reasons. */
  file?: string;
  /** The notice's logo, checked and sized (prepareNotice); a notice whose logo cannot print never gets here. */
  logo?: PlacedLogo;
}

/** The text of a notice, or the reasons its customer-supplied text is refused. */
export function wordNotice(n: Notice, opts: WordingOptions): WordingResult {
  const file = opts.file ?? '';
  const company = isCompanyNotice(n);
  const base = {
    type: n.type,
    group: groupOf(n.type),
    runIn: RUN_IN.has(n.type),
    company,
    extras: { box: n.box === true, boldTitle: n.boldTitle === true || company, ...(opts.logo ? { logo: opts.logo } : {}) },
  };
  if (company && n.text) {
    const refused = checkCustomText(n, file);
    if (refused.length > 0) return { ok: false, refused };
    return {
      ok: true,
      text: {
        ...base,
        title: n.text.title ?? NOTICE_TITLES[n.type],
        paragraphs: n.text.body,
        signoff: n.text.signoff,
        date: formatChineseDate(n.run.dates[0]),
      },
    };
  }
  const t = templateText(n, opts.paper, opts.channel ?? 'print');
  return { ok: true, text: { ...base, title: NOTICE_TITLES[n.type], ...t } };
}

const RUN_IN: ReadonlySet<NoticeType> = new Set(['lost-person', 'lost-org', 'lost-seal', 'lost-invoice', 'void', 'correction']);

/** True for the types that print a title (the others run in under their group header). */
export function printsTitle(type: NoticeType): boolean {
  return !RUN_IN.has(type);
}

/** Drop trailing punctuation from a field that is embedded mid-sentence. */
function clause(s: string): string {
  return s.replace(/[。，；、,;.\s]+$/u, '');
}

/** `A`, `A与B`, `A、B与C`. */
function joinAnd(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join('、')}与${names[names.length - 1]}`;
}

const withUscc = (name: string, uscc: string) => `${name}（统一社会信用代码：${normalNumber(uscc, 'uscc')}）`;

/** 债权人… clause for capital reduction and merger (Company Law art. 220, 224). */
const CREDITOR_CLAUSE =
  '债权人自接到通知之日起三十日内，未接到通知的自本公告之日起四十五日内，有权要求公司清偿债务或者提供相应的担保。';

function contactLine(c: { name: string; phone: string; address?: string }): string {
  return `联系人：${printedName(c.name)}，电话：${c.phone}${c.address ? `，地址：${c.address}` : ''}。`;
}

type Body = Pick<NoticeText, 'paragraphs' | 'signoff' | 'date'>;

function templateText(n: Notice, paper: Paper, channel: Channel): Body {
  const plain = (p: string): Body => ({ paragraphs: [p], signoff: [], date: null });
  switch (n.type) {
    case 'lost-person': {
      const { word, number } = printedCertificate(n, channel, paper);
      const issuer = n.issuer ? (n.issuer.endsWith('的') ? n.issuer : `${n.issuer}核发的`) : '';
      return plain(`${printedName(n.holder)}遗失${issuer}${word}，证号：${number}，声明作废。`);
    }
    case 'lost-org':
      return plain(`${withUscc(n.org, n.uscc)}遗失${n.item === '其他' ? n.itemName : n.item}，编号：${normalNumber(n.number, ORG_ITEM_KINDS[n.item])}，声明作废。`);
    case 'lost-seal':
      return plain(`${withUscc(n.org, n.uscc)}遗失${n.sealType}一枚${n.code ? `，编码：${normalNumber(n.code, 'seal-code')}` : ''}，声明作废。`);
    case 'lost-invoice': {
      const range = n.from === n.to ? n.from : `${n.from}—${n.to}`;
      const ids = n.code ? `代码：${normalNumber(n.code, 'invoice-code')}，号码：${range}` : `号码：${range}`;
      return plain(`${withUscc(n.org, n.uscc)}遗失${n.invoiceType}${n.count}份（${ids}），声明作废。`);
    }
    case 'void':
      return plain(`${n.issuer}${n.item}（编号：${printForm(n.number)}）因${clause(n.reason)}自${formatChineseDate(n.effective)}起作废。`);
    case 'correction':
      return plain(`本报${formatChineseDate(n.published)}第${n.page}版《${n.title}》中“${n.wrong}”应为“${n.right}”，特此更正。`);
    case 'missing-person': {
      const who = n.contact.name ? `${printedName(n.contact.name)}，电话${n.contact.phone}` : n.contact.phone;
      return plain(
        `${printedName(n.name)}，${n.sex}，${n.age}岁，身高约${n.heightCm}厘米，${clause(n.features)}，` +
          `${formatChineseDate(n.lastSeen.date)}在${n.lastSeen.place}走失。知情者请联系${who}。`,
      );
    }
    case 'found-property':
      return plain(
        `${n.finder}于${formatChineseDate(n.found.date)}在${n.found.place}拾得${clause(n.item)}，` +
          `请失主于${formatChineseDate(n.claimBy)}前持有效证件到${n.address}认领，电话${n.phone}。`,
      );
    default:
      return companyText(n);
  }
}

function companyText(n: CompanyNotice): Body {
  const date = formatChineseDate(n.run.dates[0]);
  switch (n.type) {
    case 'liquidation':
      return {
        paragraphs: [
          `${withUscc(n.company, n.uscc)}经${n.decision.organ}决议解散，已成立清算组。请债权人自接到通知书之日起三十日内，` +
            `未接到通知书的自本公告之日起四十五日内，向清算组申报债权。${contactLine(n.contact)}`,
          '特此公告。',
        ],
        signoff: [`${n.company}清算组`],
        date,
      };
    case 'capital-reduction':
      return {
        paragraphs: [
          `${withUscc(n.company, n.uscc)}经${n.decision.organ}决议，注册资本由${n.capital.from}万元减至${n.capital.to}万元。` +
            `${CREDITOR_CLAUSE}${contactLine(n.contact)}`,
          '特此公告。',
        ],
        signoff: [n.company],
        date,
      };
    case 'merger': {
      const [a, ...rest] = n.parties;
      const others = rest.map((p) => p.name);
      const first =
        n.mode === 'absorption'
          ? `经${n.decision.organ}决议，${withUscc(a.name, a.uscc)}吸收合并${rest.map((p) => withUscc(p.name, p.uscc)).join('、')}，` +
            `${a.name}存续，${others.join('、')}解散，债权债务由${a.name}承继。`
          : `经${n.decision.organ}决议，${joinAnd(n.parties.map((p) => withUscc(p.name, p.uscc)))}合并，新设${n.newCompany}，` +
            `${n.parties.map((p) => p.name).join('、')}解散，债权债务由${n.newCompany}承继。`;
      return { paragraphs: [`${first}${CREDITOR_CLAUSE}${contactLine(n.contact)}`, '特此公告。'], signoff: n.parties.map((p) => p.name), date };
    }
    case 'split':
      return {
        paragraphs: [
          `${withUscc(n.company, n.uscc)}经${n.decision.organ}决议，分立为${joinAnd(n.successors)}，` +
            `分立前债务由分立后公司承担连带责任，另有约定的除外。${contactLine(n.contact)}`,
          '特此公告。',
        ],
        signoff: [n.company],
        date,
      };
  }
}

/** What a company notice's own wording must contain, per type. */
const CREDITOR_PATTERNS: Record<CompanyNotice['type'], { all: RegExp[]; zh: string; en: string }> = {
  liquidation: {
    all: [/债权人/u, /申报债权/u, /四十五日|45日/u],
    zh: '缺少债权申报条款（债权人…四十五日内…申报债权）',
    en: 'missing the creditors’ claims clause (creditors … within 45 days … declare claims)',
  },
  'capital-reduction': {
    all: [/债权人/u, /清偿债务|提供相应的?担保/u, /四十五日|45日/u],
    zh: '缺少债权人条款（债权人…四十五日内…要求清偿债务或提供担保）',
    en: 'missing the creditors’ clause (creditors … within 45 days … repayment or security)',
  },
  merger: {
    all: [/债权人/u, /清偿债务|提供相应的?担保/u, /四十五日|45日/u],
    zh: '缺少债权人条款（债权人…四十五日内…要求清偿债务或提供担保）',
    en: 'missing the creditors’ clause (creditors … within 45 days … repayment or security)',
  },
  split: {
    all: [/连带责任/u],
    zh: '缺少债务承担条款（分立后公司承担连带责任）',
    en: 'missing the debts clause (successors jointly liable)',
  },
};

/**
 * Check a company notice's own wording for the required elements: every USCC, the
 * creditor clause, the contact (name and phone; the address for a liquidation) and a
 * sign-off naming the company. Each missing element is one reason.
 */
export function checkCustomText(n: CompanyNotice, file: string): Reason[] {
  if (!n.text) return [];
  const body = n.text.body.join('\n');
  const flat = printForm(body);
  const digits = body.normalize('NFKC').replace(/\D/g, '');
  const reasons: Reason[] = [];
  const miss = (field: string, code: string, zh: string, en: string) =>
    reasons.push({ file, field, code, message: zh, messageEn: en });

  const companies = n.type === 'merger' ? n.parties : [{ name: n.company, uscc: n.uscc }];
  for (const c of companies) {
    if (!flat.includes(printForm(c.uscc))) {
      miss('text.body', 'wording.missing-uscc', `正文缺少${c.name}的统一社会信用代码${printForm(c.uscc)}`, `the text lacks the USCC ${printForm(c.uscc)} of ${c.name}`);
    }
  }
  const creditor = CREDITOR_PATTERNS[n.type];
  if (!creditor.all.every((re) => re.test(body))) miss('text.body', 'wording.missing-creditor-clause', creditor.zh, creditor.en);
  if (!body.includes(n.contact.name) || !digits.includes(n.contact.phone.normalize('NFKC').replace(/\D/g, ''))) {
    miss('text.body', 'wording.missing-contact', `正文缺少联系人${n.contact.name}及电话${n.contact.phone}`, `the text lacks the contact ${n.contact.name} and phone ${n.contact.phone}`);
  }
  if (n.type === 'liquidation' && !body.includes(n.contact.address)) {
    miss('text.body', 'wording.missing-address', `正文缺少清算组地址${n.contact.address}`, `the text lacks the liquidation group’s address ${n.contact.address}`);
  }
  const names = companies.map((c) => c.name);
  if (!n.text.signoff.some((line) => names.some((name) => line.includes(name)))) {
    miss('text.signoff', 'wording.missing-signoff', `落款须含公司名称（${names.join('、')}）`, `the sign-off must name the company (${names.join(', ')})`);
  }
  return reasons;
}
