/** Cross-checks as warnings (issue 14 item 9) and duplicates across notices. */
import { describe, expect, it } from 'vitest';
import { noticesForEdition } from '../../src/notices/noticesForEdition.js';
import { prepareNotice } from '../../src/notices/prepareNotice.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { liquidation, lostId } from './noticeYaml.js';

const prep = (yaml: string, file = 'n.yaml') => prepareNotice(yaml, file, noticeCtx);
const refusedCodes = (yaml: string) => {
  const r = prep(yaml);
  return r.ok ? [] : r.refused.map((x) => x.code);
};

const lostLicence = (number: string, extra = '') => `type: lost-org
org: 南京青禾文化传媒有限公司
uscc: 91320102MA1G2K3LXW
item: 营业执照正本
number: "${number}"
run: { dates: [2026-11-24] }
customer: { name: 南京青禾文化传媒有限公司, phone: 025-84001234, id: 91320102MA1G2K3LXW, idKind: uscc }
consent: { by: 王明, relation: company, at: 2026-11-20, method: signed-form, scope: [print] }
${extra}`;

const CUSTOM = (body: string) => `text:
  body: "${body}"
  signoff: [南京青禾文化传媒有限公司清算组]
confirmed: [paper.level]
`;
const GOOD_BODY = '南京青禾文化传媒有限公司（统一社会信用代码：91320102MA1G2K3LXW）经股东会决议解散。请债权人自接到通知书之日起三十日内，未接到通知书的自本公告之日起四十五日内，向清算组申报债权。联系人：王明，电话：025-84001234，地址：南京市玄武区示例路8号。';

describe('cross-checks', () => {
  it('a licence number that is another company’s valid USCC warns; its own USCC does not', () => {
    expect(prep(lostLicence('91320102MA1G2K3LXW')).ok).toBe(true);
    expect(refusedCodes(lostLicence('91440300MA01K7Q870'))).toEqual(['cross.other-uscc', 'needs-confirmation']);
    expect(prep(lostLicence('91440300MA01K7Q870', 'confirmed: [cross.other-uscc]\n')).ok).toBe(true);
  });

  it('consent marked self by someone other than the holder warns', () => {
    expect(refusedCodes(lostId().replace('consent: { by: 张明', 'consent: { by: 李华'))).toEqual(['consent.self-not-holder', 'needs-confirmation']);
    // the same person with a padded name is the holder
    expect(prep(lostId().replace('consent: { by: 张明', 'consent: { by: "张　明"')).ok).toBe(true);
  });

  it('custom wording: a negated creditors’ clause or a missing 30-day period warns', () => {
    expect(prep(liquidation(CUSTOM(GOOD_BODY))).ok).toBe(true);
    const negated = GOOD_BODY.replace('向清算组申报债权', '不得向清算组申报债权');
    expect(refusedCodes(liquidation(CUSTOM(negated)))).toContain('wording.negated-creditor-clause');
    const no30 = GOOD_BODY.replace('请债权人自接到通知书之日起三十日内，', '请债权人');
    expect(refusedCodes(liquidation(CUSTOM(no30)))).toContain('wording.missing-30-days');
  });

  it('a customer may identify with a 回乡证 or 台胞证', () => {
    const hk = lostId().replace('id: 320102198506120317 }', 'id: H12345678, idKind: hk-macau-permit }');
    const tw = lostId().replace('id: 320102198506120317 }', 'id: "12345678", idKind: taiwan-permit }');
    expect(prep(hk).ok).toBe(true);
    expect(prep(tw).ok).toBe(true);
    expect(refusedCodes(lostId().replace('id: 320102198506120317 }', 'id: X1234, idKind: hk-macau-permit }')).length).toBeGreaterThan(0);
  });
});

describe('duplicates', () => {
  const early = (yaml: string) => yaml.replace('at: 2026-11-20T10:00+08:00', 'at: 2026-10-01T10:00+08:00');
  const first = prep(early(lostId('', '[2026-11-10]')), '001.yaml');
  const again = prep(lostId('', '[2026-11-24]').replace('number: 320102198506120317', 'number: "320102-19850612-0317"'), '002.yaml');

  it('a lost-item notice printed in the last 30 days (same type, holder, number) is refused unless confirmed', () => {
    const sel = noticesForEdition([first, again], '2026-11-24');
    expect(sel.toSet).toEqual([]);
    expect(sel.refusedDue[0].refused[0]).toMatchObject({ file: '002.yaml', code: 'duplicate', messageEn: expect.stringContaining('001.yaml') });
    const confirmed = prep(lostId('confirmed: [duplicate]\n', '[2026-11-24]'), '002.yaml');
    expect(noticesForEdition([first, confirmed], '2026-11-24').toSet.map((p) => p.ok && p.checked.id)).toEqual(['002']);
  });

  it('two files due the same day: the later one is the duplicate; 31 days apart is not', () => {
    const twin = prep(lostId(), '003.yaml');
    expect(noticesForEdition([again, twin], '2026-11-24').toSet.map((p) => p.ok && p.checked.id)).toEqual(['002']);
    const old = prep(early(lostId('', '[2026-10-24]')), '000.yaml');
    expect(old.ok && first.ok).toBe(true);
    expect(noticesForEdition([old, twin], '2026-11-24').toSet.map((p) => p.ok && p.checked.id)).toEqual(['003']);
  });
});
