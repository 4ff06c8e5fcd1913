/**
 * One notice's failure is that notice's (issue 14 item 6) and input hygiene of the file
 * itself (item 10): an alias bomb, a GBK file, an unreadable file or a notice the engine
 * cannot set is refused with file and reason; the others are prepared and set.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionNotices } from '../../src/layout/notices/editionNotices.js';
import { decodeNoticeText } from '../../src/notices/decodeNoticeText.js';
import { prepareNoticeDir } from '../../src/notices/loadNotices.js';
import { fonts } from '../helpers/fonts.js';
import { grid, noticeCtx } from '../layout/notices/helpers.js';
import { lostId, lostSeal } from './noticeYaml.js';

const ALIAS_BOMB = `a: &a [x,x,x,x,x,x,x,x,x]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
type: lost-person
`;

/** GBK bytes of a notice (张明 = D5C5 C3F7), as Notepad saves it. */
function gbkNotice(): Buffer {
  const ascii = (s: string) => Buffer.from(s, 'ascii');
  return Buffer.concat([ascii('type: lost-person\nholder: '), Buffer.from([0xd5, 0xc5, 0xc3, 0xf7]), ascii('\ncertificate: '), Buffer.from([0xbe, 0xd3, 0xc3, 0xf1, 0xc9, 0xed, 0xb7, 0xdd, 0xd6, 0xa4]), ascii('\n')]);
}

describe('one notice’s failure is that notice’s', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zuban-one-fails-'));
  writeFileSync(join(dir, '01-good.yaml'), lostId());
  writeFileSync(join(dir, '02-bomb.yaml'), ALIAS_BOMB);
  writeFileSync(join(dir, '03-gbk.yaml'), gbkNotice());
  mkdirSync(join(dir, '04-folder.yaml'));
  writeFileSync(join(dir, '05-good.yaml'), lostSeal());
  const prepared = prepareNoticeDir(dir, noticeCtx);

  it('refuses each bad file with its own reason and prepares the rest', () => {
    expect(prepared.map((p) => p.ok)).toEqual([true, false, false, false, true]);
    const codes = prepared.map((p) => (p.ok ? 'ok' : p.refused.map((r) => r.code).join(',')));
    expect(codes).toEqual(['ok', 'yaml-aliases', 'encoding.gbk', 'file.unreadable', 'ok']);
    const gbk = prepared[2];
    expect(!gbk.ok && gbk.refused[0]).toMatchObject({ file: join(dir, '03-gbk.yaml'), line: 2, messageEn: expect.stringContaining('not UTF-8 (looks like GBK)') });
  });

  it('the edition sets the good notices, and a notice that fails to set is refused, not fatal', () => {
    const broken = prepared[4];
    if (!broken.ok) throw new Error('fixture');
    // a paragraph the text engine cannot take (not a string) stands for any failure while setting
    const unsettable = { ...broken, text: { ...broken.text, paragraphs: [null as unknown as string] } };
    const n = editionNotices([prepared[0], prepared[1], unsettable], { fonts, config: noticeCtx.config, rateCard: noticeCtx.rateCard, paperName: '组版日报', pages: ['A05'] });
    n.fill('A05', grid, 4, grid.linesPerColumn - 1);
    expect(n.report.set.map((s) => s.id)).toEqual(['01-good']);
    expect(n.report.refused.map((r) => [r.file, r.reasons[0].code])).toEqual([
      [join(dir, '02-bomb.yaml'), 'yaml-aliases'],
      [join(dir, '05-good.yaml'), 'notice.unset'],
    ]);
  });
});

describe('decodeNoticeText', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeNoticeText(Buffer.from('\uFEFFholder: 张明\n', 'utf8'), 'f.yaml')).toEqual({ ok: true, text: 'holder: 张明\n' });
  });
  it('names a file that is neither UTF-8 nor GBK text as not UTF-8 only', () => {
    const r = decodeNoticeText(Buffer.from([0x61, 0x0a, 0xff, 0xfe, 0xff]), 'f.yaml');
    expect(r).toMatchObject({ ok: false, reason: { code: 'encoding.not-utf8', line: 2, messageEn: 'not UTF-8: save the file as UTF-8' } });
  });
});
