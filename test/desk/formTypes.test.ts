/**
 * The intake form offers every notice type src/notices knows, each with its fields and
 * live checks (issue 15, Build 2), tested at the HTTP level on the desk app: the type's
 * form, a sample notice of the type typed into it (live check: wording and price, no
 * error), stored through the form with its warnings confirmed, and an identifier with a
 * wrong check character shown as an error at its own field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_TYPES } from '../../src/index.js';
import { dataToForm, FORM_TYPES, formToData, type FormType } from '../../src/desk/intake.js';
import { fieldId } from '../../src/desk/views.js';
import { backends } from './backends.js';
import { deskApp, type Client } from './appClient.js';

const b = backends()[0];
let desk: Awaited<ReturnType<typeof deskApp>>;
let li: Client;
beforeAll(async () => {
  desk = await deskApp(b);
  li = desk.client();
  expect((await li.login('li')).status).toBe(303);
});
afterAll(async () => {
  await desk.handle.close();
  await b.cleanup();
});

/** The first sample notice of each type in content/notices, run later than its acceptance (no cut-off question). */
const sample = (type: string): Record<string, unknown> => {
  const dir = 'content/notices';
  for (const f of fs.readdirSync(dir).sort()) {
    const d = parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
    if (d.type !== type) continue;
    const { confirmed: _c, late: _l, ...rest } = d;
    const customer = rest.customer as Record<string, unknown> | undefined;
    // the form asks the ID kind; a file may leave it to the default (resident ID)
    return { ...rest, ...(customer ? { customer: { idKind: 'id', ...customer } } : {}), run: { dates: ['2026-11-27'] } };
  }
  throw new Error(`no sample ${type}`);
};

/** An identifier field of each type, with a value whose check character is wrong. */
const badIdentifier: Partial<Record<FormType, string>> = {
  'lost-person': 'number',
  'lost-org': 'uscc',
  'lost-seal': 'uscc',
  'lost-invoice': 'uscc',
  void: 'uscc',
  liquidation: 'uscc',
  'capital-reduction': 'uscc',
  merger: 'parties.1.uscc',
  split: 'uscc',
  'missing-person': 'customer.id',
  'found-property': 'customer.id',
  correction: 'customer.id',
};
// the paper's correction has no customer: its sample gets one for the identifier check only
const correctionCustomer = { 'customer.name': '本报总编室', 'customer.phone': '025-84567890', 'customer.idKind': 'id', 'customer.id': '320102198506120317' };
const flip = (s: string) => s.slice(0, -1) + (s.endsWith('1') ? '2' : '1');

describe('the intake form offers every notice type', () => {
  it('the same list of types as src/notices', () => {
    expect(Object.keys(FORM_TYPES).sort()).toEqual([...NOTICE_TYPES].sort());
  });

  for (const type of NOTICE_TYPES) {
    it(`${type}: its fields, its live check, stored from the form`, async () => {
      const form = await (await li.req(`/notices/new?type=${type}`)).text();
      for (const f of FORM_TYPES[type as FormType].fields) expect(form, f.name).toContain(`name="${f.name}"`);

      const data = sample(type);
      const body = { ...dataToForm(data), channel: 'counter' } as Record<string, string | string[]>;
      for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
      const live = await (await li.form('/intake/check', body)).text();
      expect(live).not.toMatch(/<span class="error">/);
      expect(live).toMatch(/¥\d/);
      const codes = /id="f-confirmed" name="confirmed" value="([^"]*)"/.exec(live)?.[1] ?? '';

      const res = await li.form('/notices', { ...body, ...(codes ? { confirmed: codes.replace(/&#39;|&quot;/g, '') } : {}) });
      expect(res.status, await res.clone().text().then((t) => t.match(/<span class="(error|warning)">[^<]*/g)?.join(' ') ?? '')).toBe(303);
      const id = Number(/\/notices\/(\d+)/.exec(res.headers.get('Location') ?? '')?.[1]);
      const row = await desk.store.notice(id);
      expect(row?.type).toBe(type);
      expect(row?.ok).toBeTruthy();
      // the paper's own correction is free (templates/ratecard.yaml); every other notice is priced
      if (type === 'correction') expect(row?.price_cents).toBe(0);
      else expect(row?.price_cents).toBeGreaterThan(0);
      // what the form sent is what was stored
      const stored = JSON.parse(row!.data) as Record<string, unknown>;
      const { confirmed: _c, ...sent } = formToData(body);
      expect(stored).toMatchObject(sent);

      // a wrong check character: an error at that field, in Chinese
      const field = badIdentifier[type as FormType]!;
      const withId = type === 'correction' ? { ...body, ...correctionCustomer } : body;
      const bad = { ...withId, [field]: flip(String(withId[field])) };
      const checked = await (await li.form('/intake/check', bad)).text();
      expect(checked, field).toMatch(new RegExp(`id="m-${fieldId(field)}"[^>]*><span class="error">[^<]*[\\u4e00-\\u9fff]`));
    }, 30_000);
  }

  it('a merger with a third party left empty keeps no hole in its parties; a split takes its successors as a list', () => {
    const m = formToData({ type: 'merger', mode: 'new', 'parties.0.name': '甲公司', 'parties.0.uscc': 'A', 'parties.1.name': '乙公司', 'parties.1.uscc': 'B', 'parties.2.name': '', newCompany: '丙公司' });
    expect(m.parties).toEqual([{ name: '甲公司', uscc: 'A' }, { name: '乙公司', uscc: 'B' }]);
    const s = formToData({ type: 'split', company: '甲公司', successors: ['乙公司', '', '丙公司'] });
    expect(s.successors).toEqual(['乙公司', '丙公司']);
    expect(formToData(dataToForm(s))).toEqual(s);
  });
});
