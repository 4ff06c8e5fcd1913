/**
 * The archive channel feeds the archive (pages, ALTO, METS) and the e-paper: a notice is
 * worded for it only when its consent names both. A consent of [print, epaper] excludes
 * the archive; [print, archive] excludes the website's e-paper.
 */
import { describe, expect, it } from 'vitest';
import { prepareNotice } from '../../src/notices/prepareNotice.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { lostId } from './noticeYaml.js';

const withScope = (scope: string) => lostId().replace(/scope: \[[^\]]*\]/, `scope: [${scope}]`);

describe('consent scope and the archive channel', () => {
  it.each([
    ['print', false],
    ['print, epaper', false],
    ['print, archive', false],
    ['print, epaper, archive', true],
  ])('scope [%s]: archive wording %s', (scope, archived) => {
    const yaml = withScope(scope);
    expect(yaml).toContain(`scope: [${scope}]`);
    const r = prepareNotice(yaml, 'n.yaml', noticeCtx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.archiveText !== null).toBe(archived);
  });
});
