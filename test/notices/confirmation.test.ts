/** Confirmation binds to what was seen (issue 14 item 7). */
import { describe, expect, it } from 'vitest';
import { prepareNotice } from '../../src/notices/prepareNotice.js';
import { validateIdentifier } from '../../src/notices/identifiers/index.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { liquidation, lostId } from './noticeYaml.js';

// 320199 is in no revision of the region codes: a warning the desk must confirm
const UNKNOWN_REGION = '320199198506120316';
const warned = (extra: string) => lostId(extra).replace('number: 320102198506120317', `number: "${UNKNOWN_REGION}"`);
const regionCode = validateIdentifier('id', UNKNOWN_REGION).warnings[0].code;
const codes = (r: ReturnType<typeof prepareNotice>) => (r.ok ? [] : r.refused.map((x) => x.code));

describe('confirmed lists the warnings the desk checked', () => {
  it('the fixture has exactly one warning', () => {
    expect(validateIdentifier('id', UNKNOWN_REGION).warnings).toHaveLength(1);
  });

  it('`confirmed: true` confirms no warning, and the refusal says what to list', () => {
    const r = prepareNotice(warned('confirmed: true\n'), 'w.yaml', noticeCtx);
    expect(codes(r)).toEqual([regionCode, 'needs-confirmation']);
    if (!r.ok) expect(r.refused[1].messageEn).toContain(`confirmed: [${regionCode}]`);
  });

  it('listing the code, or field and code, confirms it', () => {
    expect(prepareNotice(warned(`confirmed: [${regionCode}]\n`), 'w.yaml', noticeCtx).ok).toBe(true);
    expect(prepareNotice(warned(`confirmed: ["number:${regionCode}"]\n`), 'w.yaml', noticeCtx).ok).toBe(true);
    // the right code on another field does not
    expect(codes(prepareNotice(warned(`confirmed: ["holder:${regionCode}"]\n`), 'w.yaml', noticeCtx))).toContain('needs-confirmation');
  });

  it('a warning that appears after the desk looked needs a new confirmation', () => {
    // switching the paper to a city paper adds the liquidation-level warning
    const config = structuredClone(noticeCtx.config);
    config.papers['city-paper'] = { ...config.papers[config.defaultPaper], name: '某市晚报', level: 'city' };
    const ctx = { ...noticeCtx, config };
    const before = liquidation();
    expect(prepareNotice(before, 'l.yaml', ctx).ok).toBe(true);
    const switched = liquidation('run: { paper: city-paper, dates: [2026-11-24] }\n').replace(/^run: \{ dates: \[2026-11-24\] \}\n/m, '');
    const r = prepareNotice(switched, 'l.yaml', ctx);
    expect(codes(r)).toEqual(['paper.level', 'needs-confirmation']);
    expect(prepareNotice(switched + 'confirmed: [paper.level]\n', 'l.yaml', ctx).ok).toBe(true);
  });

  it('a listed code that matches nothing is noted, not silently kept', () => {
    const r = prepareNotice(lostId('confirmed: [region.unknown]\n'), 'ok.yaml', noticeCtx);
    expect(r.ok && r.checked.info.map((i) => i.code)).toContain('confirmed.unused');
  });
});
