/**
 * Frame v1 documents built by hand for the archive tests, with real glyph ids and
 * advances from the project's fonts (fontkit), until the build writes out/frame-archive.json.
 * Two pages: an article jumped from A01 to A02 (kicker, head, deck, byline, two body
 * columns, a photo with caption), the masthead, a notices group with two notices, an ad.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type * as Fontkit from 'fontkit';
import type { Block, Component, Document, FontRef, Graphic, Line, Page, Run } from '../../src/frame/types.js';
import { projectRoot } from '../../src/projectRoot.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

export const FONT_FILES = {
  song: 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  hei: 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
type FontId = keyof typeof FONT_FILES;

const opened = new Map<FontId, Fontkit.Font>();
function font(id: FontId): Fontkit.Font {
  let f = opened.get(id);
  if (!f) {
    f = fontkit.openSync(path.join(projectRoot, FONT_FILES[id]));
    opened.set(id, f);
  }
  return f;
}

function fontRef(id: FontId): FontRef {
  const f = font(id);
  const file = FONT_FILES[id];
  return {
    role: id,
    file,
    sha256: crypto.createHash('sha256').update(fs.readFileSync(path.join(projectRoot, file))).digest('hex'),
    postscriptName: f.postscriptName,
    unitsPerEm: f.unitsPerEm,
    ascent: f.ascent / f.unitsPerEm,
    descent: -f.descent / f.unitsPerEm,
    emTop: 0.88,
    emBottom: 0.12,
  };
}

export interface LineSpec {
  font: FontId;
  size: number;
  text: string;
  /** Extra space after every glyph but the last (justification), pt. */
  track?: number;
  /** Glyph indexes set at half their advance (compressed punctuation). */
  squeeze?: number[];
  /** Offset of the line's first character in its paragraph. */
  from?: number;
}

/** A line of one run, set left to right from `x`, as the layout would. */
export function setLine(spec: LineSpec, x: number, baseline: number, measure: number): Line {
  const f = font(spec.font);
  const chars = [...spec.text];
  const gids: number[] = [], xs: number[] = [], advs: number[] = [], ranges: number[] = [];
  let pen = 0;
  let at = spec.from ?? 0;
  chars.forEach((ch, i) => {
    const g = f.glyphForCodePoint(ch.codePointAt(0)!);
    const adv = (g.advanceWidth / f.unitsPerEm) * spec.size;
    gids.push(g.id);
    xs.push(pen);
    advs.push(adv);
    ranges.push(at, at + ch.length);
    at += ch.length;
    pen += (spec.squeeze?.includes(i) ? adv / 2 : adv) + (i < chars.length - 1 ? (spec.track ?? 0) : 0);
  });
  const run: Run = { font: spec.font, size: spec.size, text: spec.text, gids, xs, advs, ranges };
  return { baseline, x, measure: Math.max(measure, pen), ascent: 0.88 * spec.size, descent: 0.12 * spec.size, runs: [run] };
}

let counters = new Map<string, number>();
/** A text block of lines set one under the other at `pitch`. */
function textBlock(
  page: string,
  id: string,
  component: Component,
  x: number,
  top: number,
  measure: number,
  pitch: number,
  lines: LineSpec[],
  extra: Partial<Block> = {},
): Block {
  const key = `${page}/${id}/${component}`;
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  const set = lines.map((l, i) => setLine(l, x, top + 0.88 * l.size + i * pitch, measure));
  const h = lines.length ? (lines.length - 1) * pitch + lines[lines.length - 1].size : 0;
  return {
    id: `${key}/${n}`,
    kind: 'text',
    source: { id, component, file: id.startsWith('n') ? `notices/${id.slice(1)}-lost-person.yaml` : `articles/${id}.md` },
    rect: { x, y: top, w: measure, h },
    lines: set,
    graphics: [],
    ...extra,
  };
}

function imageBlock(page: string, id: string, component: Component, asset: string, x: number, y: number, w: number, h: number): Block {
  return {
    id: `${page}/${id}/${component}/1`,
    kind: 'image',
    source: { id, component },
    rect: { x, y, w, h },
    lines: [],
    graphics: [{ kind: 'image', x, y, w, h, asset, ppi: 150 }],
  };
}

const body = (text: string, from = 0, extra: Partial<LineSpec> = {}): LineSpec => ({ font: 'song', size: 10, text, from, ...extra });

/** Body text of the article, cut into lines of 22 characters. */
const BODY =
  '本报讯 2026年，全市推进老旧街区更新改造，涉及居民3.2万户。记者走访发现，改造后的街巷整洁有序，' +
  '沿街商铺重新开张，老字号重焕生机。“过去下雨天出门都难，现在路平了、灯亮了。”家住东四街道的居民王大爷说。' +
  '据市住房和城乡建设委员会介绍，今年将继续推进127个小区的综合整治，完成后惠及居民约5万户。' +
  '专家表示，城市更新要坚持“留改拆”并举，保留历史文脉，让居民住得更舒心。';

export function bodyLines(text = BODY, per = 22): LineSpec[] {
  const chars = [...text];
  const out: LineSpec[] = [];
  let from = 0;
  for (let i = 0; i < chars.length; i += per) {
    const t = chars.slice(i, i + per).join('');
    // a full line is justified; a comma inside it compressed to half (as 标点挤压 does)
    const comma = [...t].findIndex((c) => c === '，');
    out.push(body(t, from, { track: i + per < chars.length ? 0.4 : 0, squeeze: comma >= 0 && comma < [...t].length - 1 ? [comma] : [] }));
    from += t.length;
  }
  return out;
}

/** Writes the fixture's images under `assetDir` (an RGB photo and a CMYK ad) and returns the document. */
export async function sampleDocument(assetDir: string): Promise<Document> {
  counters = new Map();
  fs.mkdirSync(path.join(assetDir, 'assets'), { recursive: true });
  const photo = path.join(assetDir, 'assets/photo-1.jpg');
  const ad = path.join(assetDir, 'assets/ad-1.jpg');
  await sharp({ create: { width: 240, height: 160, channels: 3, background: { r: 120, g: 160, b: 200 } } }).jpeg().toFile(photo);
  await sharp({ create: { width: 200, height: 100, channels: 3, background: { r: 200, g: 40, b: 40 } } }).toColourspace('cmyk').jpeg().toFile(ad);
  const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

  const W = 842, H = 1190;
  const lines = bodyLines();
  const col1 = lines.slice(0, 4), col2 = lines.slice(4, 8), col3 = lines.slice(8);
  const rule: Graphic = { kind: 'rule', x1: 40, y1: 100, x2: 802, y2: 100, width: 1.5 };

  const a01: Block[] = [
    textBlock('A01', 'masthead', 'furniture', 40, 40, 300, 40, [{ font: 'hei', size: 36, text: '城南日报' }], { graphics: [rule] }),
    textBlock('A01', 'a1', 'kicker', 40, 120, 500, 16, [{ font: 'song', size: 12, text: '老街巷 新气象' }]),
    textBlock('A01', 'a1', 'head', 40, 140, 600, 34, [{ font: 'hei', size: 28, text: '城市更新让老街区焕发新活力' }]),
    textBlock('A01', 'a1', 'deck', 40, 180, 600, 18, [{ font: 'song', size: 14, text: '今年将完成127个小区综合整治' }]),
    textBlock('A01', 'a1', 'byline', 40, 205, 300, 14, [{ font: 'song', size: 10, text: '本报记者 张三 李四' }]),
  ];
  const bodyA = textBlock('A01', 'a1', 'body', 40, 225, 240, 15, col1);
  const bodyB = textBlock('A01', 'a1', 'body', 300, 225, 240, 15, col2);
  bodyA.next = bodyB.id;
  const bodyC = textBlock('A02', 'a1', 'body', 40, 80, 240, 15, col3);
  bodyB.next = bodyC.id;
  a01.push(
    bodyA,
    bodyB,
    textBlock('A01', 'a1', 'jump', 300, 290, 240, 12, [{ font: 'song', size: 9, text: '（下转第2版）' }]),
    imageBlock('A01', 'a1', 'photo', 'photo-1', 560, 225, 240, 160),
    textBlock('A01', 'a1', 'caption', 560, 390, 240, 12, [{ font: 'song', size: 9, text: '改造后的东四街道。本报记者 王五 摄' }]),
  );
  const notice = (id: string, top: number, text: string): Block =>
    textBlock('A02', id, 'notice', 300, top, 240, 12, [{ font: 'song', size: 7.5, text }], {
      graphics: [{ kind: 'box', x: 298, y: top - 2, w: 244, h: 14, stroke: 0.5 }],
    });
  const a02: Block[] = [
    textBlock('A02', 'a1', 'jump', 40, 60, 240, 12, [{ font: 'song', size: 9, text: '（上接第1版）' }]),
    bodyC,
    textBlock('A02', 'notices', 'notice-group', 300, 60, 240, 16, [{ font: 'hei', size: 12, text: '遗失声明' }]),
    notice('n001', 84, '张三遗失居民身份证，号码110101********1234，声明作废。'),
    notice('n002', 102, '城南某某商贸有限公司遗失公章一枚，声明作废。'),
    imageBlock('A02', 'ad1', 'ad', 'ad-1', 560, 60, 240, 120),
  ];
  const page = (label: string, number: number, name: string, blocks: Block[]): Page => ({
    label, number, name, template: 'test', width: W, height: H,
    trim: { x: 0, y: 0, w: W, h: H }, printSpace: { x: 40, y: 40, w: 762, h: 1110 }, channel: 'archive', blocks,
  });
  const asset = (file: string, width: number, height: number, colorSpace: 'rgb' | 'cmyk') => ({
    file: path.relative(assetDir, file), sha256: sha(file), width, height, colorSpace, source: `photos/${path.basename(file)}`,
    crop: { left: 0, top: 0, width, height }, ppi: 150,
  });
  return {
    kind: 'document',
    version: 1,
    title: '城南日报 2026-12-04',
    channel: 'archive',
    meta: {
      paper: '城南日报', paperLatin: 'Chengnan Daily', date: '2026-12-04', issue: 12345, cn: 'CN 11-0000', publisher: '城南日报社',
      pages: [{ label: 'A01', number: 1, name: '要闻' }, { label: 'A02', number: 2, name: '综合' }],
    },
    fonts: { song: fontRef('song'), hei: fontRef('hei') },
    assets: { 'photo-1': asset(photo, 240, 160, 'rgb'), 'ad-1': asset(ad, 200, 100, 'cmyk') },
    pages: [page('A01', 1, '要闻', a01), page('A02', 2, '综合', a02)],
  };
}

/**
 * A document of `n` dense broadsheet pages for timing: six columns of 80 lines of 14
 * characters each (6,720 glyphs a page, about a full news page), one article per column.
 */
export async function denseDocument(assetDir: string, n: number): Promise<Document> {
  const base = await sampleDocument(assetDir);
  const text = BODY.repeat(8);
  const pages: Page[] = [];
  for (let p = 1; p <= n; p++) {
    const label = `A${String(p).padStart(2, '0')}`;
    const blocks: Block[] = [];
    for (let c = 0; c < 6; c++) {
      const lines = bodyLines([...text].slice(c * 37, c * 37 + 80 * 14).join(''), 14).slice(0, 80);
      blocks.push(textBlock(label, `p${p}c${c}`, 'head', 40 + c * 127, 40, 120, 20, [{ font: 'hei', size: 16, text: '城市更新让老街区焕发' }]));
      blocks.push(textBlock(label, `p${p}c${c}`, 'body', 40 + c * 127, 70, 120, 13.5, lines.map((l) => ({ ...l, size: 8.5, track: l.track ? 0.2 : 0 }))));
    }
    pages.push({ ...base.pages[0], label, number: p, name: '要闻', blocks });
  }
  return { ...base, meta: { ...base.meta, pages: pages.map((p) => ({ label: p.label, number: p.number, name: p.name })) }, pages };
}
