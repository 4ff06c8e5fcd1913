/**
 * A jump (转版) whose text all fits before it: the continuation block stays empty — no head
 * and no 上接 line over nothing — and the copy desk is told which page and field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { setEdition } from '../../../src/pipeline.js';
import { fonts } from '../../helpers/fonts.js';

it('--- empty-continuation --- a chain whose text ends in its first block prints nothing in the later blocks and warns once per block', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-emptyjump-'));
  fs.cpSync('content', path.join(root, 'content'), { recursive: true });
  const f = path.join(root, 'content/articles/a01-science-fair.md');
  const src = fs.readFileSync(f, 'utf8');
  const [, front] = src.split('---\n');
  fs.writeFileSync(f, `---\n${front}---\n本报讯 科技节今天开幕。\n`);
  const set = await setEdition(path.join(root, 'content/edition.yaml'), fonts, { log: () => {} });
  const a02 = set.print.pages.find((p) => p.label === 'A02')!;
  expect(a02.blocks.filter((b) => b.source.id === 'science-fair')).toEqual([]);
  const a01 = set.print.pages.find((p) => p.label === 'A01')!;
  const text = a01.blocks.filter((b) => b.source.id === 'science-fair').flatMap((b) => b.lines.flatMap((l) => l.runs.map((r) => r.text))).join('');
  expect(text).toContain('科技节今天开幕');
  expect(text).not.toMatch(/上接|转第/);
  const warned = set.diagnostics.filter((d) => d.code === 'jump.empty');
  expect(warned.map((d) => d.field)).toEqual(['continue[0].place', 'continue[1].place']);
  expect(warned[1].message).toMatch(/the text ends on A01: nothing is left for A02/);
});
