/**
 * Parts every notice file has: the paying customer, the run, the consent record, the
 * desk's confirmation, privacy choices and paid extras.
 */
import { z } from 'zod';
import { bi, flag, identifier, isoDate, isoMoment, phone, text } from './fields.js';

/** Kinds of identity document a customer may show at the desk (validator kinds). */
export const CUSTOMER_ID_KINDS = ['id', 'hmt', 'pr', 'passport', 'uscc', 'hk-macau-permit', 'taiwan-permit'] as const;

/** 客户 — who orders and pays for the notice (not necessarily who it is about). */
export const CustomerSchema = z.strictObject({
  /** Name of the payer (person or organisation). */
  name: text,
  /** Contact phone of the payer. */
  phone,
  /** Number of the document the payer showed: resident ID by default. */
  id: identifier,
  /**
   * Which validator checks `id`: `id` (resident ID, default), `hmt`, `pr`, `passport`,
   * `uscc`, `hk-macau-permit` (港澳居民来往内地通行证, 回乡证), `taiwan-permit` (台胞证).
   */
  idKind: z.enum(CUSTOMER_ID_KINDS).default('id'),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** 刊期 — where and when the notice runs. */
export const RunSchema = z.strictObject({
  /** Paper id from templates/notices.yaml; the config's default paper when absent. */
  paper: z.string().trim().min(1).optional(),
  /** Publication days, one insertion each, in ascending order without repeats. */
  dates: z
    .array(isoDate)
    .min(1, bi('至少一个刊登日期', 'at least one run date'))
    .refine(
      (ds) => ds.every((d, i) => i === 0 || ds[i - 1] < d),
      bi('刊登日期须按先后排列且不重复', 'run dates must be ascending without repeats'),
    ),
});
export type Run = z.infer<typeof RunSchema>;

/** What the consent covers: the printed paper, the e-paper/web and the archive (PDF/A, ALTO). */
export const CONSENT_SCOPES = ['print', 'epaper', 'archive'] as const;

/**
 * 同意记录 — the separate consent that PIPL art. 25 requires before personal information
 * is made public (spec §6 a). Sensitive data (a disability certificate, art. 28–29)
 * needs `sensitive: true` as well.
 */
export const ConsentSchema = z.strictObject({
  /** Who consented: the person named in the notice, a guardian, family, an agent or the company's representative. */
  by: text,
  /** Relation of `by` to the person or company the notice is about. */
  relation: z.enum(['self', 'guardian', 'family', 'agent', 'company', 'paper']),
  /** When consent was given. */
  at: isoMoment,
  /** How it was given and recorded. */
  method: z.enum(['signed-form', 'online-form', 'recorded-call', 'email']),
  /** What it covers; must include `print` for the notice to run. */
  scope: z.array(z.enum(CONSENT_SCOPES)).min(1),
  /** Separate consent to publish sensitive personal information (PIPL art. 28–29). */
  sensitive: flag.optional(),
  /** Reference of the signed form or recording in the desk's files. */
  reference: z.string().trim().min(1).optional(),
});
export type Consent = z.infer<typeof ConsentSchema>;

/** Masking presets for a printed certificate number (spec §6 b). */
export const MASK_PRESETS = ['full', 'birthdate', 'last4'] as const;
export type MaskPreset = (typeof MASK_PRESETS)[number];

/**
 * The customer's privacy choice for this notice. It can only make the paper's policy
 * stricter: the stricter of the two presets applies in each channel.
 */
export const PrivacyChoiceSchema = z.strictObject({
  /** Preset for the printed paper. */
  print: z.enum(MASK_PRESETS).optional(),
  /** Preset for the e-paper and the archive. */
  archive: z.enum(MASK_PRESETS).optional(),
  /** Mask positions 19–20 (category, grade) of a disability certificate number. */
  maskCategoryGrade: flag.optional(),
});
export type PrivacyChoice = z.infer<typeof PrivacyChoiceSchema>;

/**
 * Customer-supplied wording for a company notice. The program still checks it for the
 * elements the law and the desk need (USCC, creditor clause, contact, sign-off).
 */
export const CustomTextSchema = z.strictObject({
  /** Title; the type's standard title when absent. */
  title: text.optional(),
  /** Body paragraphs, in order. */
  body: z.union([text.transform((s) => [s]), z.array(text).min(1)]),
  /** Sign-off lines, set right-aligned (e.g. `某某有限公司清算组`). The date is added by the program. */
  signoff: z.array(text).min(1, bi('须有落款', 'a sign-off is required')),
});
export type CustomText = z.infer<typeof CustomTextSchema>;

/** Fields every notice file has besides its type's own. */
export const commonFields = {
  /** Who pays. */
  customer: CustomerSchema,
  run: RunSchema,
  /** Absent here means "refused" in checkNotice, with the PIPL reason rather than a bare "missing field". */
  consent: ConsentSchema.optional(),
  /**
   * The warnings the desk has checked, by code (`region.unknown`) or by field and code
   * (`holder:name.outside-table`). A warning not listed — one that appeared after the
   * desk looked — needs a new confirmation. `true` confirms no warning (a notice without
   * warnings needs nothing); it is accepted for files written before the codes.
   */
  confirmed: z.union([flag, z.array(z.string().trim().min(1)).min(1)]).optional(),
  privacy: PrivacyChoiceSchema.optional(),
  /** Paid extra: a box (边框) round the notice. */
  box: flag.optional(),
  /** Paid extra: bold title (company notices have one anyway). */
  boldTitle: flag.optional(),
  /** Paid extra: a logo, as a path relative to the notice file. */
  logo: z.string().trim().min(1).optional(),
  /** When the desk accepted the notice (for the daily cut-off); the consent's time when absent. */
  accepted: isoMoment.optional(),
  /** An editor's permission to run a notice accepted after the cut-off, recorded with it. */
  late: z
    .strictObject({
      /** The editor who allowed it. */
      by: text,
      at: isoMoment,
      reason: text,
    })
    .optional(),
  /** Desk's free note; never printed. */
  note: z.string().optional(),
};
