/**
 * Notices without legal periods: 作废声明, 更正, 寻人启事, 招领启事 (spec §5).
 */
import { z } from 'zod';
import { commonFields, CustomerSchema } from './common.js';
import { bi, count, identifier, isoDate, phone, positiveNumber, text } from './fields.js';

/** 作废声明: `{issuer}{item}（编号：{number}）因{reason}自{date}起作废。` */
export const VoidSchema = z.strictObject({
  type: z.literal('void'),
  ...commonFields,
  /** Who issued the item (a company or a person). */
  issuer: text,
  /** The issuer's USCC when it is an organisation (checked, not printed). */
  uscc: identifier.optional(),
  /** e.g. 授权委托书, 合同专用章备案回执. */
  item: text,
  number: identifier,
  /** 因… — reason, e.g. `授权期限届满`. */
  reason: text,
  /** Day from which the item is void. */
  effective: isoDate,
});

/**
 * 更正: `本报{date}第{page}版《{title}》中“{wrong}”应为“{right}”，特此更正。`
 * The paper corrects itself, so the customer is optional.
 */
export const CorrectionSchema = z.strictObject({
  type: z.literal('correction'),
  ...commonFields,
  customer: CustomerSchema.optional(),
  /** Day the wrong text ran. */
  published: isoDate,
  /** Page (版次), e.g. `A05` or `5`. */
  page: z.union([z.string(), z.number().transform(String)]).pipe(text),
  /** Title of the article. */
  title: text,
  wrong: text,
  right: text,
});

/**
 * 寻人启事: `{name}，{sex}，{age}岁，身高约{h}厘米，{features}，{date}在{place}走失。知情者请联系{phone}。`
 * Consent must come from a guardian or family member (checkNotice).
 */
export const MissingPersonSchema = z.strictObject({
  type: z.literal('missing-person'),
  ...commonFields,
  name: text,
  sex: z.enum(['男', '女']),
  age: count.refine((n) => n <= 120, bi('年龄不合理', 'implausible age')),
  heightCm: positiveNumber.refine((h) => h >= 40 && h <= 250, bi('身高不合理', 'implausible height')),
  /** 特征: clothes, build, speech, … */
  features: text,
  lastSeen: z.strictObject({ date: isoDate, place: text }),
  contact: z.strictObject({ name: text.optional(), phone }),
});

/**
 * 招领启事: `{finder}于{date}在{place}拾得{item}，请失主于{deadline}前持有效证件到{address}认领，电话{phone}。`
 */
export const FoundPropertySchema = z
  .strictObject({
    type: z.literal('found-property'),
    ...commonFields,
    finder: text,
    found: z.strictObject({ date: isoDate, place: text }),
    item: text,
    /** 认领期限: last day to claim. */
    claimBy: isoDate,
    address: text,
    phone,
  })
  .refine((n) => n.claimBy > n.found.date, {
    ...bi('认领期限须晚于拾得日期', 'the claim deadline must be after the day found'),
    path: ['claimBy'],
  });
