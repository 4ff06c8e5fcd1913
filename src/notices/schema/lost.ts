/**
 * 遗失声明 — lost-item notices (spec §5): a person's certificate, an organisation's
 * document, a seal, invoices. They run in one after another on the page, with no title
 * each.
 */
import { z } from 'zod';
import { commonFields } from './common.js';
import { bi, count, identifier, text } from './fields.js';

/**
 * Personal certificates, as printed in the notice. Each maps to an identifier kind in
 * identifierKinds.ts; the ones without a check rule are printed unchecked (info).
 */
export const PERSON_CERTIFICATES = [
  '居民身份证',
  '残疾人证',
  '出生医学证明',
  '护照',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '港澳台居民居住证',
  '外国人永久居留身份证',
  '机动车驾驶证',
  '社会保障卡',
  '不动产权证书',
  '毕业证书',
  '学位证书',
  '教师资格证',
  '其他',
] as const;
export type PersonCertificate = (typeof PERSON_CERTIFICATES)[number];

/** 遗失（个人）: `{holder}遗失{issuer}{certificate}，证号：{number}，声明作废。` */
export const LostPersonSchema = z
  .strictObject({
    type: z.literal('lost-person'),
    ...commonFields,
    /** 持证人 — the holder's name. */
    holder: text,
    certificate: z.enum(PERSON_CERTIFICATES),
    /** Printed name of the certificate when `certificate` is 其他. */
    certificateName: text.optional(),
    /** 证号 as on the certificate. */
    number: identifier,
    /** 发证机关, e.g. `南京市公安局玄武分局` (printed as `…核发的`). */
    issuer: text.optional(),
  })
  .refine((n) => n.certificate !== '其他' || n.certificateName !== undefined, {
    ...bi('证件为“其他”时须填写 certificateName', 'certificateName is required when certificate is 其他'),
    path: ['certificateName'],
  });

/** Organisation documents. */
export const ORG_ITEMS = ['营业执照正本', '营业执照副本', '开户许可证', '不动产权证书', '其他'] as const;

/** 遗失（单位）: `{org}（统一社会信用代码：{uscc}）遗失{item}，编号：{number}，声明作废。` */
export const LostOrgSchema = z
  .strictObject({
    type: z.literal('lost-org'),
    ...commonFields,
    org: text,
    uscc: identifier,
    item: z.enum(ORG_ITEMS),
    /** Printed name of the item when `item` is 其他. */
    itemName: text.optional(),
    /** 编号: the licence's USCC or GS15 number, the account permit's 核准号, … */
    number: identifier,
  })
  .refine((n) => n.item !== '其他' || n.itemName !== undefined, {
    ...bi('物品为“其他”时须填写 itemName', 'itemName is required when item is 其他'),
    path: ['itemName'],
  });

export const SEAL_TYPES = [
  '公章',
  '财务专用章',
  '合同专用章',
  '发票专用章',
  '法定代表人名章',
  '业务专用章',
  '报关专用章',
] as const;

/**
 * 遗失印章: `{org}遗失{sealType}一枚[，编码：{code}]，声明作废。` The USCC is required
 * (spec §4: seal type + organisation name + USCC) and printed after the name, as in
 * the organisation template, so the notice identifies the organisation.
 */
export const LostSealSchema = z.strictObject({
  type: z.literal('lost-seal'),
  ...commonFields,
  org: text,
  uscc: identifier,
  sealType: z.enum(SEAL_TYPES),
  /** 印章编码 (police seal code), when known. */
  code: identifier.optional(),
});

/**
 * 遗失发票: `{org}遗失{invoiceType}{count}份（代码：{code}，号码：{from}—{to}），声明作废。`
 * Paper invoices have a 10- or 12-digit code and 8-digit numbers; 数电 invoices have no
 * code and 20-digit numbers. `count` must equal `to − from + 1`.
 */
export const LostInvoiceSchema = z
  .strictObject({
    type: z.literal('lost-invoice'),
    ...commonFields,
    org: text,
    uscc: identifier,
    /** e.g. 增值税专用发票, 增值税普通发票. */
    invoiceType: text,
    /** 发票代码 (paper invoices only). */
    code: identifier.optional(),
    /** First invoice number of the lost range. */
    from: identifier,
    /** Last invoice number of the lost range (equal to `from` for one invoice). */
    to: identifier,
    count: count.refine((n) => n >= 1, bi('份数至少为1', 'count must be at least 1')),
  })
  .superRefine((n, ctx) => {
    const paper = n.code !== undefined;
    const re = paper ? /^\d{8}$/ : /^\d{20}$/;
    for (const key of ['from', 'to'] as const) {
      if (!re.test(n[key])) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          ...(paper
            ? bi('纸质发票号码须为8位数字', 'a paper invoice number has 8 digits')
            : bi('无发票代码时须为20位数电发票号码', 'without a code the number must be a 20-digit 数电 invoice number')),
        });
        return;
      }
    }
    const span = BigInt(n.to) - BigInt(n.from) + 1n;
    if (span < 1n) {
      ctx.addIssue({ code: 'custom', path: ['to'], ...bi('止号小于起号', 'the last number is below the first') });
    } else if (span !== BigInt(n.count)) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        ...bi(`份数应为${span}（止号−起号+1）`, `count should be ${span} (last − first + 1)`),
      });
    }
  });
