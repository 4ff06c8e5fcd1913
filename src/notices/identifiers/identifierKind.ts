/**
 * The kinds of number the notice desk validates (spec notices.md §1–4, §7). The first eight
 * are the ones issue 4 names; the rest are the other numbers of §4's table, in its order.
 */
export const IDENTIFIER_KINDS = [
  'id',
  'disability',
  'uscc',
  'orgcode',
  'gs15',
  'hmt',
  'pr',
  'name',
  'birth-cert',
  'passport',
  'hk-macau-permit',
  'taiwan-permit',
  'driving-licence',
  'driving-file',
  'account-permit',
  'property-cert',
  'business-licence',
  'invoice-code',
  'invoice-number',
  'e-invoice',
  'seal-code',
] as const;

/**
 * 证件种类 — which number a value is checked as.
 * - `id` 居民身份证号码, 18 or 15 digits (§1)
 * - `disability` 残疾人证号, 20 characters (§2)
 * - `uscc` 统一社会信用代码 (§3)
 * - `orgcode` 组织机构代码 (§3)
 * - `gs15` 15-digit 工商注册号 (§3)
 * - `hmt` 港澳台居民居住证 (§4)
 * - `pr` 外国人永久居留身份证, new 18-character and old 15-character forms (§4)
 * - `name` 姓名 (§7)
 * - `birth-cert` 出生医学证明编号; `passport` 护照号码; `hk-macau-permit` 港澳居民来往内地通行证;
 *   `taiwan-permit` 台湾居民来往大陆通行证; `driving-licence` 驾驶证证号 (= ID number);
 *   `driving-file` 驾驶证档案编号; `account-permit` 开户许可证核准号; `property-cert` 不动产权证书号;
 *   `business-licence` 营业执照 (USCC or GS15); `invoice-code` 发票代码; `invoice-number` 发票号码;
 *   `e-invoice` 数电发票号码; `seal-code` 印章编码 (§4)
 */
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

const KIND_SET: ReadonlySet<string> = new Set(IDENTIFIER_KINDS);

/** True when `value` names one of the IDENTIFIER_KINDS (for input from the CLI or a file). */
export function isIdentifierKind(value: string): value is IdentifierKind {
  return KIND_SET.has(value);
}

/** Each kind's name on the desk, for human-readable output. */
export const IDENTIFIER_KIND_LABELS: Readonly<Record<IdentifierKind, string>> = {
  id: '居民身份证号码',
  disability: '残疾人证号',
  uscc: '统一社会信用代码',
  orgcode: '组织机构代码',
  gs15: '工商注册号（15位）',
  hmt: '港澳台居民居住证号码',
  pr: '外国人永久居留身份证号码',
  name: '姓名',
  'birth-cert': '出生医学证明编号',
  passport: '护照号码',
  'hk-macau-permit': '港澳居民来往内地通行证号码',
  'taiwan-permit': '台湾居民来往大陆通行证号码',
  'driving-licence': '驾驶证证号',
  'driving-file': '驾驶证档案编号',
  'account-permit': '开户许可证核准号',
  'property-cert': '不动产权证书号',
  'business-licence': '营业执照注册号/统一社会信用代码',
  'invoice-code': '发票代码',
  'invoice-number': '发票号码',
  'e-invoice': '数电发票号码',
  'seal-code': '印章编码',
};
