/** The intake checks: the library's validators at the field, the wording, the quote and the proof. */
import { describe, expect, it } from 'vitest';
import { loadNoticeEngine, proofPng } from '../../src/desk/engine.js';
import { dataToForm, formToData, liveCheck, warningCodes } from '../../src/desk/intake.js';
import { lostId } from './fixtures.js';

const engine = loadNoticeEngine();

describe('desk intake', () => {
  it('a check-digit error shows at the number field, in Chinese', () => {
    const r = liveCheck(engine, lostId({ number: '320102198506120318' }));
    expect(r.proof.ok).toBe(false);
    expect(r.fields.get('number')?.[0]).toMatchObject({ level: 'error' });
    expect(r.fields.get('number')?.[0].message).toMatch(/校验码/);
  });

  it('a good notice: wording, quote from the set lines, a proof image', async () => {
    const t = performance.now();
    const r = liveCheck(engine, lostId(), false, true);
    const ms = performance.now() - t;
    expect(r.proof.ok).toBe(true);
    if (!r.proof.ok) return;
    expect(r.proof.prepared.text.paragraphs.join('')).toContain('张明遗失');
    expect(r.checked.priceCents).toBe(Math.round(r.proof.quote.total * 100));
    expect(r.checked.priceCents).toBeGreaterThan(0);
    const png = await proofPng(r.proof.document!, engine);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    console.log(`live check ${ms.toFixed(1)} ms, total ¥${r.proof.quote.total}`);
  });

  it('does not nag about empty fields while typing, but does on submit', () => {
    const partial = { type: 'lost-person', holder: '张明', number: '320102198506120317', certificate: '居民身份证' };
    expect(liveCheck(engine, partial).fields.get('customer.phone')).toBeUndefined();
    expect(liveCheck(engine, partial, true).fields.get('customer.phone')?.[0].level).toBe('error');
  });

  it('form ↔ data round trip; unknown fields are dropped', () => {
    const body = { type: 'lost-person', holder: ' 张明 ', certificate: '居民身份证', number: '320102198506120317', 'run.dates': ['2026-12-11', '2026-12-10', ''], 'consent.scope': ['print'], 'consent.at': '2026-12-03T10:00', 'consent.sensitive': 'on', evil: 'x' };
    const d = formToData(body);
    expect(d).toEqual({ type: 'lost-person', holder: '张明', certificate: '居民身份证', number: '320102198506120317', run: { dates: ['2026-12-10', '2026-12-11'] }, consent: { scope: ['print'], at: '2026-12-03T10:00+08:00', sensitive: true } });
    expect(formToData(dataToForm(d))).toEqual(d);
  });
});

describe('desk intake, other types', () => {
  it('a 作废声明 and a 招领启事 from the form are worded and priced', () => {
    const common = { 'customer.name': '江城贸易有限公司', 'customer.phone': '025-84567890', 'customer.idKind': 'uscc', 'customer.id': '91320102MA1G2K3LXW', 'run.dates': '2026-12-10', 'consent.by': '李明', 'consent.relation': 'company', 'consent.at': '2026-12-03T10:00', 'consent.method': 'signed-form', 'consent.scope': 'print' };
    const v = liveCheck(engine, formToData({ type: 'void', issuer: '江城贸易有限公司', uscc: '91320102MA1G2K3LXW', item: '授权委托书', number: 'SQ-2026-018', reason: '授权期限届满', effective: '2026-12-01', ...common }), true, false);
    expect(v.general).toEqual([]);
    expect(v.proof.ok && v.proof.prepared.text.paragraphs.join('')).toContain('因授权期限届满');
    const f = liveCheck(engine, formToData({ type: 'found-property', finder: '江城地铁2号线客服中心', 'found.date': '2026-12-01', 'found.place': '新街口站', item: '黑色双肩包一个', claimBy: '2026-12-31', address: '新街口站客服中心', phone: '025-84567890', ...common }), true, false);
    expect(f.proof.ok).toBe(true);
  });
});

describe('desk intake, company notices', () => {
  it('a 减资公告 shows its legal deadlines; a run date past them is refused at run.dates', () => {
    const form = (runDate: string) => ({ type: 'capital-reduction', company: '江城贸易有限公司', uscc: '91320102MA1G2K3LXW', 'decision.organ': '股东会', 'decision.date': '2026-11-20', 'capital.from': '1000', 'capital.to': '500', 'contact.name': '李明', 'contact.phone': '025-84567890', 'customer.name': '江城贸易有限公司', 'customer.phone': '025-84567890', 'customer.idKind': 'uscc', 'customer.id': '91320102MA1G2K3LXW', 'run.dates': runDate, 'consent.by': '李明', 'consent.relation': 'company', 'consent.at': '2026-12-03T10:00', 'consent.method': 'signed-form', 'consent.scope': 'print' });
    // a run on or before the unadjusted deadline is on time without 2027's holiday data: no warning to confirm
    const ok = liveCheck(engine, formToData(form('2026-12-10')), true, false);
    expect(ok.fields.get('run.dates') ?? []).toEqual([]);
    expect(ok.proof.ok).toBe(true);
    if (ok.proof.ok) expect(ok.proof.prepared.checked.deadlines.length).toBeGreaterThan(0);
    const late = liveCheck(engine, formToData(form('2026-12-28')), true, false);
    expect(late.proof.ok).toBe(false);
    expect(late.fields.get('run.dates')?.some((m) => m.level === 'error')).toBe(true);
  });
});

describe('desk intake, confirming warnings', () => {
  it('a tick confirms the warnings shown when it was given, and not one that appears later', () => {
    // an ID over 110 years old warns; the box carries that warning's code
    const base = { type: 'lost-person', holder: '张明', certificate: '居民身份证', number: '11010519000101001X', issuer: '北京市公安局', 'customer.name': '张明', 'customer.phone': '13800001111', 'customer.idKind': 'id', 'customer.id': '320102198506120317', 'run.dates': '2026-12-10', 'consent.by': '张明', 'consent.relation': 'self', 'consent.at': '2026-12-03T10:00', 'consent.method': 'signed-form', 'consent.scope': 'print' };
    const codes = warningCodes(engine, formToData(base));
    expect(codes).not.toBe('');
    expect(liveCheck(engine, formToData(base), true, false).proof.ok).toBe(false);
    expect(liveCheck(engine, formToData({ ...base, confirmed: codes }), true, false).proof.ok).toBe(true);
    // a plain tick (no codes) confirms nothing
    expect(liveCheck(engine, formToData({ ...base, confirmed: 'on' }), true, false).proof.ok).toBe(false);
  });
});
