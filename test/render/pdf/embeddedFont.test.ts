import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf/renderPdf.js';
import { renderOptions, workloadDocument } from '../../helpers/frame.js';
import { pageRuns } from '../../../src/frame/walk.js';
import { fonts } from '../../helpers/fonts.js';
import { workload } from '../../helpers/workload.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit & { create(b: Uint8Array): Fontkit.Font };

/** The FontFile2 streams of a PDF written uncompressed, as bytes. */
function fontFiles(pdf: Buffer): Uint8Array[] {
  const out: Uint8Array[] = [];
  const text = pdf.toString('latin1');
  const re = /\/Length1? (\d+)[^>]*>>\s*stream\r?\n/g;
  for (let m; (m = re.exec(text)); ) {
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, start + Number(m[1]));
    if (bytes.readUInt32BE(0) === 0x00010000) out.push(bytes);
  }
  return out;
}

describe('the embedded subset fonts', async () => {
  const frame = workloadDocument(workload(1), fonts);
  const pdf = await renderPdf(frame, { ...renderOptions(fonts), compress: false });
  const subsets = fontFiles(pdf);

  it('--- valid-truetype --- each parses, with its checksums right and the tables a PDF needs', () => {
    expect(subsets.length).toBe(2);
    for (const bytes of subsets) {
      const f = fontkit.create(bytes) as Fontkit.Font & { directory: { tables: Record<string, unknown> } };
      expect(Object.keys(f.directory.tables).sort()).toEqual(expect.arrayContaining(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']));
      let sum = 0;
      for (let i = 0; i + 4 <= bytes.length; i += 4) sum = (sum + new DataView(bytes.buffer, bytes.byteOffset).getUint32(i)) >>> 0;
      expect(sum).toBe(0xb1b0afba);
    }
  });

  it('--- same-outlines-and-advances --- the body subset holds exactly the outlines and advances of the glyphs the page uses', () => {
    const song = fonts.face('song').font;
    const used = new Set<number>();
    for (const r of pageRuns(frame.pages[0])) if (r.font === 'song') for (const g of r.gids) used.add(g);
    const sig = (g: Fontkit.Glyph) => `${g.advanceWidth}|${g.path.toSVG()}`;
    const want = new Set([...used].map((gid) => sig(song.getGlyph(gid))));
    const body = subsets.map((b) => fontkit.create(b)).sort((a, b) => b.numGlyphs - a.numGlyphs)[0];
    const got = new Set<string>();
    for (let cid = 1; cid < body.numGlyphs; cid++) got.add(sig(body.getGlyph(cid)));
    expect(want.size).toBeGreaterThan(200);
    expect([...got].filter((g) => !want.has(g))).toEqual([]);
    expect([...want].filter((g) => !got.has(g))).toEqual([]);
  });
});
