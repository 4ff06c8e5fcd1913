import { describe, expect, it } from 'vitest';
import { findIdentifierFields } from '../../../src/notices/identifiers/findIdentifierFields.js';

const fieldsOf = (yaml: string) => {
  const r = findIdentifierFields(yaml);
  if (!r.ok) throw new Error(`unexpected syntax error ${JSON.stringify(r.error)}`);
  return r.fields.map(({ path, line, kind, value }) => ({ path, line, kind, value }));
};

describe('findIdentifierFields', () => {
  it('finds fields by name in any spelling, with path and line', () => {
    const yaml = ['notice:', '  holder: 张明', '  id_number: "320102198506120317"', '  Credit-Code: 91320102MA1G2K3LXW', '  残疾人证号: "32010219850612031741"'].join('\n');
    expect(fieldsOf(yaml)).toEqual([
      { path: 'notice.holder', line: 2, kind: 'name', value: '张明' },
      { path: 'notice.id_number', line: 3, kind: 'id', value: '320102198506120317' },
      { path: 'notice.Credit-Code', line: 4, kind: 'uscc', value: '91320102MA1G2K3LXW' },
      { path: 'notice.残疾人证号', line: 5, kind: 'disability', value: '32010219850612031741' },
    ]);
  });

  it('keeps the digits of an unquoted number exactly and flags it', () => {
    const r = findIdentifierFields('idNumber: 320102198506120317\nfile: { drivingFile: 012345678901 }\n');
    expect(r.ok && r.fields.map((f) => [f.value, f.unquotedNumber])).toEqual([
      ['320102198506120317', true],
      ['012345678901', true],
    ]);
  });

  it('checks `number` with the kind its sibling certificate names', () => {
    const yaml = '- certificate: 居民身份证\n  number: "11010319781103002X"\n- kind: passport\n  number: E12345678\n- certificate: 会员卡\n  number: "1"\n';
    expect(fieldsOf(yaml).map((f) => [f.path, f.kind])).toEqual([
      ['[0].number', 'id'],
      ['[1].number', 'passport'],
    ]);
  });

  it('skips a notice slug under `id` and a company name beside a USCC', () => {
    const yaml = 'id: n-2026-001\norg:\n  name: 南京某某科技有限公司\n  uscc: 91320102MA1G2K3LXW\nperson:\n  id: "320102 19850612 0317"\n';
    expect(fieldsOf(yaml).map((f) => f.path)).toEqual(['org.uscc', 'person.id']);
  });

  it('reads a notice file as the notice schema does: customer id by idKind, consent, item, seal and invoice codes', () => {
    const lostOrg = [
      'type: lost-org',
      'customer: { name: 南京某某科技有限公司, phone: "025-12345678", id: 91320102MA1G2K3LXW, idKind: uscc }',
      'consent: { by: 张明, relation: agent, at: "2026-11-20T10:00:00+08:00", method: signed-form, scope: [print] }',
      'org: 南京某某科技有限公司',
      'uscc: 91320102MA1G2K3LXW',
      'item: 营业执照正本',
      'number: "320102000123459"',
    ].join('\n');
    expect(fieldsOf(lostOrg).map((f) => [f.path, f.kind])).toEqual([
      ['customer.id', 'uscc'],
      ['consent.by', 'name'],
      ['uscc', 'uscc'],
      ['number', 'business-licence'],
    ]);
    const seal = 'type: lost-seal\nconsent: { by: 南京某某科技有限公司, relation: company }\nuscc: 91320102MA1G2K3LXW\ncode: "3201020012345"\n';
    expect(fieldsOf(seal).map((f) => [f.path, f.kind])).toEqual([
      ['uscc', 'uscc'],
      ['code', 'seal-code'],
    ]);
    const paper = 'type: lost-invoice\ncode: "032001900104"\nfrom: "00012345"\nto: "00012346"\n';
    expect(fieldsOf(paper).map((f) => f.kind)).toEqual(['invoice-code', 'invoice-number', 'invoice-number']);
    const digital = 'type: lost-invoice\nfrom: "24322000000123456789"\nto: "24322000000123456789"\n';
    expect(fieldsOf(digital).map((f) => f.kind)).toEqual(['e-invoice', 'e-invoice']);
    const person = 'type: lost-person\ncustomer: { name: 张明, id: "320102198506120317" }\nholder: 张明\ncertificate: 社会保障卡\nnumber: "320102198506120317"\n';
    expect(fieldsOf(person).map((f) => [f.path, f.kind])).toEqual([
      ['customer.id', 'id'],
      ['holder', 'name'],
      ['number', 'id'],
    ]);
  });

  it('does not take a paper, payer or organisation name for a personal name', () => {
    const yaml = 'papers:\n  zuban-daily: { name: 组版日报 }\ncustomer: { name: 某某公司 }\ncontact: { name: 李华 }\n';
    expect(fieldsOf(yaml).map((f) => f.path)).toEqual(['contact.name']);
    expect(fieldsOf('type: capital-reduction\nfrom: 1000\nto: 500\n')).toEqual([]);
  });

  it('reports an empty identifier field as an empty value', () => {
    expect(fieldsOf('uscc:\n')).toEqual([{ path: 'uscc', line: 1, kind: 'uscc', value: '' }]);
  });

  it('walks every document of a multi-document file', () => {
    expect(fieldsOf('uscc: 91320102MA1G2K3LXW\n---\ngs15: "320102000123459"\n').map((f) => f.kind)).toEqual(['uscc', 'gs15']);
  });

  it('returns the first syntax error with line and column', () => {
    const r = findIdentifierFields('notice:\n  holder: 张明\n  id: [1,\n uscc: : x\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBeGreaterThanOrEqual(3);
      expect(r.error.message.length).toBeGreaterThan(0);
    }
  });
});
