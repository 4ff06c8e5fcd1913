/** Names print as normalised (issue 14 item 5): the form the check accepted, not the one typed. */
import { describe, expect, it } from 'vitest';
import { wordNotice } from '../../src/notices/wording.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { liquidation, lostId, parseNotice } from './noticeYaml.js';

const paper = noticeCtx.config.papers[noticeCtx.config.defaultPaper];
const text = (yaml: string) => {
  const w = wordNotice(parseNotice(yaml), { paper });
  if (!w.ok) throw new Error('refused');
  return w.text.paragraphs.join('\n');
};

describe('names print as normalised', () => {
  for (const [dot, label] of [['\u2022', 'U+2022'], ['\u30fb', 'U+30FB'], ['\uff65', 'U+FF65'], ['\u2027', 'U+2027']]) {
    it(`a holder typed with ${label} prints with U+00B7`, () => {
      const t = text(lostId().replace('holder: 张明', `holder: 阿依古丽${dot}买买提`));
      expect(t.startsWith('阿依古丽\u00b7买买提遗失')).toBe(true);
      expect(t).not.toContain(dot);
    });
  }

  it('a two-character name padded with an ideographic space prints without it', () => {
    expect(text(lostId().replace('holder: 张明', 'holder: 张\u3000明'))).toMatch(/^张明遗失/);
  });

  it('a company notice’s contact name is printed normalised', () => {
    const t = text(liquidation().replace('name: 王明', 'name: 阿依古丽・买买提'));
    expect(t).toContain('联系人：阿依古丽·买买提，');
  });
});
