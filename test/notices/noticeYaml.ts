/** Small notice files for tests, as YAML text; valid identifiers from the spec's test vectors. */
import { readNotice } from '../../src/notices/readNotice.js';
import type { Notice } from '../../src/notices/schema/notice.js';

const COMMON = `customer: { name: 张明, phone: 138 0000 1234, id: 320102198506120317 }
consent: { by: 张明, relation: self, at: 2026-11-20T10:00+08:00, method: signed-form, scope: [print, epaper, archive] }
`;

/** A lost resident ID card, with optional extra lines appended. */
export const lostId = (extra = '', dates = '[2026-11-24]') => `type: lost-person
holder: 张明
certificate: 居民身份证
number: 320102198506120317
run: { dates: ${dates} }
${COMMON}${extra}`;

/** A lost disability certificate. */
export const lostDisability = (extra = '') => `type: lost-person
holder: 张明
certificate: 残疾人证
number: "32010219850612031741"
run: { dates: [2026-11-24] }
${COMMON}${extra}`;

/** A lost seal. */
export const lostSeal = (extra = '') => `type: lost-seal
org: 南京青禾文化传媒有限公司
uscc: 91320102MA1G2K3LXW
sealType: 公章
run: { dates: [2026-11-24] }
${COMMON}${extra}`;

/** An absorption merger resolved on 2026-11-10 (publish by 2026-12-10). */
export const merger = (extra = '') => `type: merger
mode: absorption
parties:
  - { name: 南京青禾文化传媒有限公司, uscc: 91320102MA1G2K3LXW }
  - { name: 深圳禾苗广告有限公司, uscc: 91440300MA01K7Q870 }
decision: { organ: 各方股东会, date: 2026-11-10 }
contact: { name: 王明, phone: 025-84001234 }
run: { dates: [2026-11-24] }
customer: { name: 南京青禾文化传媒有限公司, phone: 025-84001234, id: 91320102MA1G2K3LXW, idKind: uscc }
consent: { by: 王明, relation: company, at: 2026-11-12, method: signed-form, scope: [print, epaper, archive] }
${extra}`;

/** A liquidation resolved on 2026-10-12 (publish by 2026-12-11). */
export const liquidation = (extra = '') => `type: liquidation
company: 南京青禾文化传媒有限公司
uscc: 91320102MA1G2K3LXW
decision: { organ: 股东会, date: 2026-10-12 }
contact: { name: 王明, phone: 025-84001234, address: 南京市玄武区示例路8号 }
run: { dates: [2026-11-24] }
customer: { name: 南京青禾文化传媒有限公司, phone: 025-84001234, id: 91320102MA1G2K3LXW, idKind: uscc }
consent: { by: 王明, relation: company, at: 2026-11-12, method: signed-form, scope: [print, epaper, archive] }
${extra}`;

/** Parse a notice or throw with its reasons. */
export function parseNotice(yaml: string, file = 'test.yaml'): Notice {
  const r = readNotice(yaml, file);
  if (!r.ok) throw new Error(r.refused.map((x) => `${x.field}: ${x.messageEn}`).join('; '));
  return r.notice;
}
