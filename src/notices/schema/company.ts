/**
 * 公司公告 — company notices with legal periods (spec §5, Company Law 2023): liquidation,
 * capital reduction, merger, split. Each carries the resolution (决议) the periods run
 * from, a contact for creditors, and may carry the customer's own wording.
 */
import { z } from 'zod';
import { commonFields, CustomTextSchema } from './common.js';
import { bi, identifier, isoDate, phone, positiveNumber, text } from './fields.js';

/** 决议 — the decision the legal periods count from. */
export const DecisionSchema = z.strictObject({
  /** 决议机关, e.g. 股东会, 股东大会, 董事会, 股东决定. */
  organ: text,
  /** Day of the resolution. */
  date: isoDate,
});

/** 联系人 — where creditors turn. */
export const ContactSchema = z.strictObject({
  name: text,
  phone,
  address: text.optional(),
});

const companyFields = {
  ...commonFields,
  decision: DecisionSchema,
  contact: ContactSchema,
  /** The customer's own wording, checked for the required elements. */
  text: CustomTextSchema.optional(),
};

/** 注销/清算: dissolution and liquidation; the contact's address is required. */
export const LiquidationSchema = z.strictObject({
  type: z.literal('liquidation'),
  ...companyFields,
  company: text,
  uscc: identifier,
  /**
   * Day the liquidation group (清算组) was formed; the 10/60-day periods of Company Law
   * art. 235 run from it. When absent they run from the resolution, which is earlier
   * (the group is formed after the resolution), so the computed dates are never late.
   */
  groupFormed: isoDate.optional(),
  contact: ContactSchema.extend({ address: text }),
});

/** 减资: capital reduction, amounts in 万元. */
export const CapitalReductionSchema = z
  .strictObject({
    type: z.literal('capital-reduction'),
    ...companyFields,
    company: text,
    uscc: identifier,
    capital: z.strictObject({ from: positiveNumber, to: positiveNumber }),
  })
  .refine((n) => n.capital.to < n.capital.from, {
    ...bi('减资后注册资本须小于减资前', 'capital after the reduction must be below the capital before'),
    path: ['capital', 'to'],
  });

/** A company with its USCC. */
export const PartySchema = z.strictObject({ name: text, uscc: identifier });

/**
 * 合并: `absorption` (吸收合并: `parties[0]` absorbs the others and survives) or `new`
 * (新设合并: all parties dissolve into `newCompany`).
 */
export const MergerSchema = z
  .strictObject({
    type: z.literal('merger'),
    ...companyFields,
    mode: z.enum(['absorption', 'new']),
    /** The merging companies; for `absorption` the first one survives. */
    parties: z.array(PartySchema).min(2, bi('合并至少两方', 'a merger has at least two parties')),
    /** Name of the company newly established (`new` mode only). */
    newCompany: text.optional(),
  })
  .refine((n) => (n.mode === 'new') === (n.newCompany !== undefined), {
    ...bi('新设合并须填写 newCompany，吸收合并不填', 'newCompany is required for a new-establishment merger only'),
    path: ['newCompany'],
  });

/** 分立: the company splits into the successors. */
export const SplitSchema = z.strictObject({
  type: z.literal('split'),
  ...companyFields,
  company: text,
  uscc: identifier,
  /** Companies after the split (the first may be the company itself when it continues). */
  successors: z.array(text).min(2, bi('分立后至少两家公司', 'a split has at least two successors')),
});
