/**
 * The library API's notice given as data: the same notice, the same wording and the same
 * quote as the file it was read from, and the same reasons when it is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadNoticeContext, prepareNoticeData, prepareNoticeText, proofNotice } from '../../src/index.js';
import { fonts } from '../helpers/fonts.js';

const ctx = loadNoticeContext('templates');
const dir = 'content/notices';
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('prepareNoticeData', () => {
  it('--- data-equals-file --- every 7th sample notice: same notice, wording and quote from data as from its file', () => {
    const picked = files.filter((_, i) => i % 7 === 0);
    expect(picked.length).toBeGreaterThan(25);
    for (const f of picked) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const id = f.replace(/\.yaml$/, '');
      const fromFile = prepareNoticeText(text, id + '.yaml', ctx);
      const fromData = prepareNoticeData(parse(text), ctx, id);
      expect(fromFile.ok && fromData.ok, f).toBe(true);
      if (!fromFile.ok || !fromData.ok) continue;
      expect(fromData.checked.notice, f).toEqual(fromFile.checked.notice);
      expect(fromData.text, f).toEqual(fromFile.text);
      expect(proofNotice(fromData, ctx, fonts).quote, f).toEqual(proofNotice(fromFile, ctx, fonts).quote);
    }
  });

  it('--- wrong-data-refused --- a missing field and a wrong type are refused with the field named', () => {
    const data = parse(fs.readFileSync(path.join(dir, files[0]), 'utf8'));
    const noType = prepareNoticeData({ ...data, type: 'no-such-type' }, ctx, 'counter-1');
    expect(noType.ok).toBe(false);
    if (!noType.ok) expect(noType.refused[0]).toMatchObject({ file: 'counter-1', field: 'type' });
    const notMapping = prepareNoticeData(['x'], ctx, 'counter-2');
    expect(notMapping.ok).toBe(false);
  });
});
