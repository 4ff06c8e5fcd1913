/**
 * The notice (声明/公告): one per file in content/notices/, a union on `type`.
 */
import { z } from 'zod';
import { LostInvoiceSchema, LostOrgSchema, LostPersonSchema, LostSealSchema } from './lost.js';
import { CapitalReductionSchema, LiquidationSchema, MergerSchema, SplitSchema } from './company.js';
import { CorrectionSchema, FoundPropertySchema, MissingPersonSchema, VoidSchema } from './other.js';

export const NoticeSchema = z.discriminatedUnion('type', [
  LostPersonSchema,
  LostOrgSchema,
  LostSealSchema,
  LostInvoiceSchema,
  VoidSchema,
  LiquidationSchema,
  CapitalReductionSchema,
  MergerSchema,
  SplitSchema,
  CorrectionSchema,
  MissingPersonSchema,
  FoundPropertySchema,
]);

/** A parsed, well-formed notice (not yet checked: see checkNotice). */
export type Notice = z.infer<typeof NoticeSchema>;
export type NoticeType = Notice['type'];
/** The notice of one type. */
export type NoticeOf<T extends NoticeType> = Extract<Notice, { type: T }>;

export const NOTICE_TYPES = [
  'lost-person',
  'lost-org',
  'lost-seal',
  'lost-invoice',
  'void',
  'liquidation',
  'capital-reduction',
  'merger',
  'split',
  'correction',
  'missing-person',
  'found-property',
] as const satisfies readonly NoticeType[];

/** Company notices: legal periods, bold title, right-aligned sign-off, customer wording allowed. */
export const COMPANY_TYPES = ['liquidation', 'capital-reduction', 'merger', 'split'] as const;
export type CompanyNoticeType = (typeof COMPANY_TYPES)[number];
export type CompanyNotice = NoticeOf<CompanyNoticeType>;

export function isCompanyNotice(n: Notice): n is CompanyNotice {
  return (COMPANY_TYPES as readonly string[]).includes(n.type);
}

/** Groups of the notices page, in the spec's order (§5 "Page"). */
export const NOTICE_GROUPS = [
  { id: 'lost', title: '遗失声明', types: ['lost-person', 'lost-org', 'lost-seal', 'lost-invoice'] },
  { id: 'void', title: '作废声明', types: ['void'] },
  { id: 'liquidation', title: '注销清算公告', types: ['liquidation'] },
  { id: 'capital-reduction', title: '减资公告', types: ['capital-reduction'] },
  { id: 'merger-split', title: '合并分立公告', types: ['merger', 'split'] },
  { id: 'company-other', title: '其他公告', types: [] },
  { id: 'correction', title: '更正', types: ['correction'] },
  { id: 'missing-found', title: '寻人招领', types: ['missing-person', 'found-property'] },
] as const satisfies readonly { id: string; title: string; types: readonly NoticeType[] }[];
export type NoticeGroupId = (typeof NOTICE_GROUPS)[number]['id'];

/** The group a notice type belongs to. */
export function groupOf(type: NoticeType): NoticeGroupId {
  const g = NOTICE_GROUPS.find((gr) => (gr.types as readonly string[]).includes(type));
  if (!g) throw new Error(`no group for notice type ${type}`);
  return g.id;
}

/** The standard title of each type (遗失 items run in and print no title). */
export const NOTICE_TITLES: Record<NoticeType, string> = {
  'lost-person': '遗失声明',
  'lost-org': '遗失声明',
  'lost-seal': '遗失声明',
  'lost-invoice': '遗失声明',
  void: '作废声明',
  liquidation: '注销清算公告',
  'capital-reduction': '减资公告',
  merger: '合并公告',
  split: '分立公告',
  correction: '更正',
  'missing-person': '寻人启事',
  'found-property': '招领启事',
};
