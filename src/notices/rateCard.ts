/**
 * The rate card (价目表, templates/ratecard.yaml): how the desk bills a notice from its
 * set lines (spec §5 "Prices found"). Amounts are yuan; pricing computes in fen.
 */
import { z } from 'zod';
import { NOTICE_TYPES } from './schema/notice.js';
import { readSettings } from './readSettings.js';

/** Billing units: per set line, per 字, per column·centimetre, per item. */
export const BILLING_UNITS = ['line', 'char', 'colcm', 'item'] as const;
export type BillingUnit = (typeof BILLING_UNITS)[number];

const yuan = z.number().nonnegative().multipleOf(0.01);
const noticeType = z.enum(NOTICE_TYPES);

const ExtraSchema = z.strictObject({
  yuan,
  /** Types that get this extra at no charge (company notices have a bold title anyway). */
  freeFor: z.array(noticeType).default([]),
});

export const RateCardSchema = z.strictObject({
  currency: z.literal('CNY'),
  /** Billing unit unless `units` names another for the notice's type. */
  unit: z.enum(BILLING_UNITS),
  units: z.partialRecord(noticeType, z.enum(BILLING_UNITS)).default({}),
  /** Per set line: a short line bills as a full one (it is a whole line on the page). */
  line: z.strictObject({
    /** 字 per line of the notice column; the layout sets notices at this measure. */
    charsPerLine: z.number().int().positive(),
    /** Price of each line after the first `includedLines`. */
    yuan,
    /** Lines covered by `baseYuan` (e.g. 1 line for ¥30, then ¥40 each further line). */
    includedLines: z.number().int().nonnegative().default(0),
    baseYuan: yuan.default(0),
  }),
  /** Per 字, billed per started block of `block` 字 (1 = per 字; 50 = per 50 字). */
  char: z.strictObject({
    block: z.number().int().positive(),
    yuan,
    /** Count 2 lowercase letters, 2 consecutive digits as one 字; a capital or a punctuation mark as one. */
    digitPair: z.boolean(),
  }),
  /** Per column × centimetre of height, the height rounded up to `heightStepCm`. */
  colcm: z.strictObject({ yuan, heightStepCm: z.number().positive() }),
  /** Per notice (e.g. ¥150 a seal, ¥100 a licence copy). */
  item: z.strictObject({ default: yuan, byType: z.partialRecord(noticeType, yuan).default({}) }),
  /** Minimum charge per insertion for the base price (extras come on top). */
  minimum: z.strictObject({ default: yuan, byType: z.partialRecord(noticeType, yuan).default({}) }),
  extras: z.strictObject({ box: ExtraSchema, boldTitle: ExtraSchema, logo: ExtraSchema }),
  /** Types not billed at all (the paper's own corrections). */
  free: z.array(noticeType).default([]),
  /** Rounding of each insertion's total: to a step in yuan, up or half-up. */
  rounding: z.strictObject({ step: z.number().positive(), mode: z.enum(['up', 'half-up']) }),
});
export type RateCard = z.infer<typeof RateCardSchema>;

/** Parse templates/ratecard.yaml; throws naming the file and the field. */
export function readRateCard(yamlText: string, file: string): RateCard {
  return readSettings(RateCardSchema, yamlText, file);
}
