/**
 * Extras only when printed (issue 14 item 4): a logo is checked like a photo and placed on
 * the page, or the notice is refused; a bold title only for types that print a title;
 * the quote lists exactly what the proof shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document, ImageItem } from '../../src/frame/types.js';
import { renderDocument } from '../../src/index.js';
import { proofNoticeFile } from '../../src/cli/notice.js';
import { imageHeader } from '../../src/notices/logo.js';
import { prepareNotice } from '../../src/notices/prepareNotice.js';
import { fonts } from '../helpers/fonts.js';
import { noticeCtx } from '../layout/notices/helpers.js';
import { liquidation, lostId } from './noticeYaml.js';

const dir = mkdtempSync(join(tmpdir(), 'zuban-extras-'));
const MISSING = `type: missing-person
name: 杨亮
sex: 男
age: 78
heightCm: 165
features: 身穿深蓝色棉衣
lastSeen: { date: 2026-11-19, place: 南京市玄武湖公园 }
contact: { name: 陈芳, phone: 138-4039-9971 }
customer: { name: 陈芳, phone: 138-5307-1214, id: 320102198506120317 }
run: { dates: [2026-11-24] }
consent: { by: 陈芳, relation: family, at: 2026-11-21T16:21+08:00, method: online-form, scope: [print] }
`;

const blocksOf = (doc: Document, id: string) => doc.pages[0].blocks.filter((b) => b.source.id === id && b.source.component === 'notice');
const imagesOf = (doc: Document, id: string) => blocksOf(doc, id).flatMap((b) => b.graphics.filter((g): g is ImageItem => g.kind === 'image'));
const linesOf = (doc: Document, id: string) => blocksOf(doc, id).flatMap((b) => b.lines);

function write(name: string, yaml: string): string {
  const f = join(dir, name);
  writeFileSync(f, yaml);
  return f;
}

beforeAll(async () => {
  await sharp({ create: { width: 600, height: 240, channels: 3, background: '#204080' } }).png().toFile(join(dir, 'good.png'));
  await sharp({ create: { width: 30, height: 12, channels: 3, background: '#204080' } }).jpeg().toFile(join(dir, 'tiny.jpg'));
  writeFileSync(join(dir, 'garbage.png'), 'not an image at all');
});

describe('logo', () => {
  it('a good logo is placed on the proof, at its checked size, and billed', () => {
    const p = proofNoticeFile(write('logo.yaml', liquidation('logo: good.png\n')), noticeCtx, fonts);
    const images = imagesOf(p.document, 'logo');
    expect(images).toHaveLength(1);
    expect(p.document.assets[images[0].asset]).toMatchObject({ file: join(dir, 'good.png'), width: 600, height: 240 });
    // 3 lines of 9.75 pt tall, 2.5 : 1
    expect(images[0].h).toBeCloseTo(29.25, 2);
    expect(images[0].w).toBeCloseTo(73.125, 2);
    expect(p.quote.extras).toContainEqual({ name: 'logo', amount: 100 });
    // the title sits below the logo
    const title = linesOf(p.document, 'logo')[0];
    expect(title.baseline).toBeGreaterThan(images[0].y + images[0].h);
  });

  for (const [file, code] of [
    ['missing.png', 'logo.unreadable'],
    ['garbage.png', 'logo.format'],
    ['tiny.jpg', 'logo.ppi'],
  ] as const) {
    it(`${file} → refused (${code}), never billed`, () => {
      const name = `bad-${file}.yaml`;
      const r = prepareNotice(liquidation(`logo: ${file}\n`), join(dir, name), noticeCtx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.refused).toContainEqual(expect.objectContaining({ field: 'logo', code, file: join(dir, name) }));
    });
  }

  it('the logo is embedded in the proof PDF at its pixel size', async () => {
    const p = proofNoticeFile(write('logo-pdf.yaml', liquidation('logo: good.png\n')), noticeCtx, fonts);
    const pdf = await renderDocument(p.document, fonts);
    writeFileSync(join(dir, 'logo.pdf'), pdf);
    const list = execFileSync('pdfimages', ['-list', join(dir, 'logo.pdf')], { encoding: 'utf8' });
    expect(list).toMatch(/\n\s+1\s+0\s+image\s+600\s+240\s/);
  });

  it('reads JPEG and PNG headers', async () => {
    const jpeg = await sharp({ create: { width: 321, height: 123, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect(imageHeader(jpeg)).toEqual({ format: 'jpeg', width: 321, height: 123 });
    expect(imageHeader(Buffer.from('GIF89a......'))).toBeNull();
  });
});

describe('bold title', () => {
  it('is refused on a type that prints no title', () => {
    const r = prepareNotice(lostId('boldTitle: true\n'), 'bold.yaml', noticeCtx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refused).toContainEqual(expect.objectContaining({ field: 'boldTitle', code: 'extras.no-title' }));
  });

  it('on a titled type sets the title in 黑 and bills it; without it the title is in 宋 and free', () => {
    const titleFont = (yaml: string, name: string) => {
      const p = proofNoticeFile(write(name, yaml), noticeCtx, fonts);
      const title = linesOf(p.document, name.replace('.yaml', '')).find((l) => l.para === 0)!;
      const ref = p.document.fonts[title.runs[0].font];
      return { font: ref?.role ?? title.runs[0].font, extras: p.quote.extras };
    };
    expect(titleFont(MISSING + 'boldTitle: true\n', 'missing-bold.yaml')).toEqual({ font: 'hei', extras: [{ name: 'boldTitle', amount: 20 }] });
    expect(titleFont(MISSING, 'missing-plain.yaml')).toEqual({ font: 'song', extras: [] });
  });
});
