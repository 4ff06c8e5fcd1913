/**
 * Field types shared by the notice schemas. A notice file is read with YAML's failsafe
 * schema, so every scalar arrives as the string the desk typed (an ID number stays
 * `032…`, never a float); these types turn strings into dates, numbers and flags, and
 * also accept the plain JS values a program may pass.
 *
 * Checks carry both languages in one message, `中文\u001fEnglish` (zod passes custom
 * params only on custom issues); `issueToReason` in readNotice.ts splits them.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates.js';

/** Separates the Chinese and English halves of a check's message. */
export const MESSAGE_SEP = '\u001f';

/** Bilingual check options: `{ message: '中文\u001fEnglish' }`. */
export function bi(zh: string, en: string): { message: string } {
  return { message: `${zh}${MESSAGE_SEP}${en}` };
}

/** Non-empty text, trimmed. */
export const text = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, bi('不能为空', 'must not be empty'));

/** An identifier as typed (validated later by the identifier validators, not here). */
export const identifier = z
  .union([z.string(), z.number().int().nonnegative().transform(String)])
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, bi('号码不能为空', 'the number must not be empty'));

/** A calendar day `YYYY-MM-DD` that exists. */
export const isoDate = z
  .string()
  .trim()
  .refine(isIsoDate, bi('日期须为存在的 YYYY-MM-DD', 'a date must be an existing YYYY-MM-DD day'));

/** A moment: `YYYY-MM-DD` or ISO date-time `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`. */
export const isoMoment = z
  .string()
  .trim()
  .refine(
    (s) => {
      const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
      return m !== null && isIsoDate(m[1]) && !Number.isNaN(Date.parse(m[2] ? s : m[1]));
    },
    bi('时间须为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM', 'a time must be YYYY-MM-DD or YYYY-MM-DDTHH:MM'),
  );

/** A yes/no flag: `true`/`false` in YAML, or a boolean. */
export const flag = z.union([
  z.boolean(),
  z.enum(['true', 'false'], bi('须为 true 或 false', 'must be true or false')).transform((s) => s === 'true'),
]);

/** A positive decimal number (e.g. 万元 of capital, cm of height). */
export const positiveNumber = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/, bi('须为数字', 'must be a number')).transform(Number)])
  .refine((n) => Number.isFinite(n) && n > 0, bi('须为正数', 'must be a positive number'));

/** A non-negative whole number (age, count). */
export const count = z
  .union([z.number().int(), z.string().trim().regex(/^\d+$/, bi('须为整数', 'must be a whole number')).transform(Number)])
  .refine((n) => n >= 0, bi('不能为负数', 'must not be negative'));

/**
 * A Chinese telephone number: mobile `1[3-9]` + 9 digits, a landline with its area code
 * (`025-84567890`, extension allowed) or a 400/800 service number. Spaces and hyphens are
 * ignored for the check; the number is kept as typed for printing.
 */
export const phone = z
  .union([z.string(), z.number().int().transform(String)])
  .transform((s) => s.trim())
  .refine((s) => {
    const d = s.normalize('NFKC').replace(/[\s\-—()（）]/g, '');
    return /^1[3-9]\d{9}$/.test(d) || /^0\d{9,11}(转\d{1,6})?$/.test(d) || /^[48]00\d{7}$/.test(d);
  }, bi('电话号码格式不对（手机11位，固话带区号）', 'not a Chinese phone number (11-digit mobile, or landline with area code)'));
