/**
 * 竖排 forms read from GSUB by zuban (SfntMetrics.verticalForms) are the ones fontkit's
 * layout gives with `vert` and `vrt2`, for every mark and bracket a vertical head may hold
 * and a range of ideographs, in every font of the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { SfntMetrics } from '../../src/fonts/sfntMetrics.js';
import { projectRoot } from '../../src/projectRoot.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
const roles = JSON.parse(fs.readFileSync(path.join(projectRoot, 'fonts/fonts.json'), 'utf8')).roles as Record<string, { file: string }>;
const chars = [
  ...'，。、；：？！「」『』《》〈〉（）【】〔〕〖〗……——～·“”‘’﹁﹂',
  ...Array.from({ length: 0x40 }, (_, i) => String.fromCodePoint(0x3000 + i)),
  ...Array.from({ length: 0x60 }, (_, i) => String.fromCodePoint(0xff01 + i)),
  ...'泓江三桥今日通车渡口旧事AZaz09',
];

it.each(Object.entries(roles))('--- vertical-forms --- %s: the same glyphs as fontkit’s vert/vrt2 layout', (_role, { file }) => {
  const abs = path.join(projectRoot, file);
  const sfnt = SfntMetrics.open(abs)!;
  const font = fontkit.create(fs.readFileSync(abs)) as import('fontkit').Font;
  let turned = 0;
  for (const ch of chars) {
    const gid = sfnt.gid(ch.codePointAt(0)!);
    if (!gid) continue;
    const run = font.layout(ch, ['vert', 'vrt2']);
    const expected = run.glyphs.length === 1 ? run.glyphs[0].id : gid;
    const got = sfnt.verticalForms().get(gid) ?? gid;
    expect([ch, got]).toEqual([ch, expected]);
    if (got !== gid) turned++;
  }
  // the CJK fonts turn their brackets; the table was read, not found empty
  if (/noto-s|NotoSerif|NotoSans/.test(file)) expect(turned).toBeGreaterThan(20);
});
