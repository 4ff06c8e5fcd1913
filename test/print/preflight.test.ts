import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, Block, Document } from '../../src/frame/types.js';
import { preparePrintPhotos } from '../../src/print/cmykPhotos.js';
import { formatPreflightSummary, preflight, writePreflight, type Finding, type PreflightCheck } from '../../src/print/preflight.js';
import { defaultPrintCondition, type PrintCondition } from '../../src/print/printCondition.js';
import { BLEED, document, graphic, makeAsset, mm, page, photo, text, TRIM_W } from './fixtures.js';

let out: string;
let cond: PrintCondition;
let assets: Record<string, Asset>;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'zuban-preflight-'));
  cond = await defaultPrintCondition();
  assets = {
    photo: await makeAsset(out, 'photo', 'photo', 600, 400, mm(70)), // ≈ 218 ppi at 70 mm
    small: await makeAsset(out, 'small', 'photo', 250, 170, mm(70)), // ≈ 90 ppi
    logo: await makeAsset(out, 'logo', 'logo', 400, 200, mm(40)),
  };
});
afterAll(() => rm(out, { recursive: true, force: true }));

/** A clean page: a head, body text, a photo, a 0.5-pt rule, the masthead in its spot colour. */
function cleanBlocks(): Block[] {
  const x = BLEED + mm(20);
  return [
    text('A01', 'masthead', 'furniture', x, BLEED + mm(40), 72, '测试日报', { fill: { spot: '报头红', tint: 1 }, font: 'hei' }),
    text('A01', 'a01-bridge', 'head', x, BLEED + mm(70), 36, '大桥合龙', { font: 'hei' }),
    text('A01', 'a01-bridge', 'body', x, BLEED + mm(80), 9, '本报讯　大桥今日合龙。'),
    photo('A01', 'a01-bridge', { x, y: BLEED + mm(90), w: mm(70), h: mm(46.7) }, 'photo', assets.photo),
    graphic('A01', 'a01-bridge', 'furniture', { x, y: BLEED + mm(140), w: mm(100), h: 1 }, [{ kind: 'rule', x1: x, y1: BLEED + mm(140) + 0.25, x2: x + mm(100), y2: BLEED + mm(140) + 0.25, width: 0.5 }]),
  ];
}

const SPOTS: Record<string, [number, number, number, number]> = { 报头红: [0, 1, 0.9, 0] };

describe('preflight', () => {
  it('finds nothing wrong on a clean page once its photos are converted', async () => {
    const doc = document([page('A01', 1, cleanBlocks())], { photo: assets.photo }, SPOTS);
    const photos = await preparePrintPhotos(doc, out, cond);
    const r = await preflight(doc, cond, { outDir: out, photos });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.pages[0].tacMax).toBeGreaterThan(100);
    expect(r.pages[0].tacMax).toBeLessThanOrEqual(cond.tac.limit + 2);
    expect(r.pages[0].images[0]).toMatchObject({ asset: 'photo', colorSpace: 'cmyk' });
    expect(r.pages[0].minPpi).toBeCloseTo(217.7, 0);
    const file = await writePreflight(r, out);
    expect(JSON.parse(await readFile(file, 'utf8')).summary).toEqual(r.summary);
    expect(formatPreflightSummary(r)).toMatch(/^A01 +TAC max/);
  });

  describe('a seeded-defect page: preflight misses none, each with page, block and source', () => {
    let doc: Document;
    const seeded: Record<string, { block: Block; check: PreflightCheck; severity: 'error' | 'warning' }> = {};
    let findings: Finding[];

    beforeAll(async () => {
      const x = BLEED + mm(200);
      const y = BLEED + mm(200);
      const put = (name: string, block: Block, check: PreflightCheck, severity: 'error' | 'warning' = 'error') => {
        seeded[name] = { block, check, severity };
        return block;
      };
      const blocks = [
        ...cleanBlocks(),
        put('RGB logo', photo('A01', 'ad-0412', { x, y, w: mm(40), h: mm(20) }, 'logo', assets.logo, 'ad'), 'rgb'),
        put('90-ppi photo', photo('A01', 'a01-fair', { x, y: y + mm(30), w: mm(70), h: mm(47.6) }, 'small', assets.small), 'ppi'),
        put('300 % rich-black box', graphic('A01', 'ad-0413', 'ad', { x, y: y + mm(90), w: mm(50), h: mm(20) }, [{ kind: 'box', x, y: y + mm(90), w: mm(50), h: mm(20), stroke: 0, fill: { cmyk: [0.7, 0.6, 0.7, 1] } }]), 'tac.fill'),
        put('0.1-pt rule', graphic('A01', 'a01-metro-5g', 'furniture', { x, y: y + mm(120), w: mm(60), h: 0.1 }, [{ kind: 'rule', x1: x, y1: y + mm(120) + 0.05, x2: x + mm(60), y2: y + mm(120) + 0.05, width: 0.1 }]), 'hairline'),
        put('white text on white', text('A01', 'a01-economy', 'body', x, y + mm(140), 9, '白字看不见', { fill: { gray: 1 } }), 'white.invisible'),
        put('object past the bleed', graphic('A01', 'ad-0414', 'ad', { x: BLEED + TRIM_W - mm(30), y, w: mm(40), h: mm(20) }, [{ kind: 'box', x: BLEED + TRIM_W - mm(30), y, w: mm(40), h: mm(20), stroke: 0, fill: { cmyk: [0, 0.5, 1, 0] } }]), 'bleed'),
      ];
      doc = document([page('A01', 1, blocks)], { photo: assets.photo, small: assets.small, logo: assets.logo }, SPOTS);
      // the photos converted for the press, except the logo: an RGB file that reached the page as it was
      const { logo: _logo, ...photos } = await preparePrintPhotos(doc, out, cond);
      findings = (await preflight(doc, cond, { outDir: out, photos })).findings;
    });

    for (const name of ['RGB logo', '90-ppi photo', '300 % rich-black box', '0.1-pt rule', 'white text on white', 'object past the bleed']) {
      it(name, () => {
        const s = seeded[name];
        const hits = findings.filter((f) => f.check === s.check && f.block === s.block.id);
        expect(hits.length, `${name}: ${JSON.stringify(findings.map((f) => [f.check, f.block]))}`).toBeGreaterThan(0);
        for (const f of hits) {
          expect(f).toMatchObject({ severity: s.severity, page: 'A01', pageNumber: 1, block: s.block.id, source: { id: s.block.source.id, component: s.block.source.component } });
          expect(f.message).toContain(s.block.source.id);
          expect(f.messageEn).toContain(s.block.id);
        }
      });
    }

    it('reports the rich-black box as rich black too, and nothing on the clean blocks', () => {
      expect(findings.some((f) => f.check === 'rich-black' && f.block === seeded['300 % rich-black box'].block.id)).toBe(true);
      const seededIds = new Set(Object.values(seeded).map((s) => s.block.id));
      expect(findings.filter((f) => !seededIds.has(f.block) && f.severity !== 'info')).toEqual([]);
    });

    it('once photos are converted for the press, the RGB logo is CMYK (info), the page TAC max is the box', async () => {
      const photos = await preparePrintPhotos(doc, out, cond);
      const r = await preflight(doc, cond, { outDir: out, photos });
      const logo = r.findings.filter((f) => f.block === seeded['RGB logo'].block.id);
      expect(logo.map((f) => [f.check, f.severity])).toEqual([['rgb.converted', 'info']]);
      expect(r.pages[0].tacMax).toBe(300);
      expect(r.pages[0].overLimit).toBeGreaterThan(0);
      expect(r.ok).toBe(false);
    });

    it('under PDF/X-4 an RGB image is a warning, not an error', async () => {
      const x4 = await defaultPrintCondition({ pdfx: { version: 'X-4', cropMarks: false } });
      const r = await preflight(doc, x4, { outDir: out });
      expect(r.findings.find((f) => f.check === 'rgb')?.severity).toBe('warning');
    });
  });

  it('reports black text overprinting a fill that takes the total over the limit, and a missing font', async () => {
    const x = BLEED + mm(20), y = BLEED + mm(300);
    const under = graphic('A01', 'ad-0500', 'ad', { x, y, w: mm(60), h: mm(20) }, [{ kind: 'box', x, y, w: mm(60), h: mm(20), stroke: 0, fill: { cmyk: [0.6, 0.5, 0.4, 0] } }]);
    const over = text('A01', 'ad-0500', 'ad', x + 5, y + 20, 9, '叠印黑字');
    const ghost = text('A01', 'a01-x', 'body', x, y + mm(40), 9, '缺字体', { font: 'nosuch' });
    const doc = document([page('A01', 1, [under, over, ghost])], {});
    const r = await preflight(doc, cond, { outDir: out });
    expect(r.findings.find((f) => f.check === 'tac.overprint')).toMatchObject({ block: over.id, value: 250, severity: 'error' });
    expect(r.findings.find((f) => f.check === 'font')).toMatchObject({ block: ghost.id, source: { id: 'a01-x' } });
  });
});
