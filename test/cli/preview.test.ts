/**
 * `zuban preview <page> --dpi`: one page of the last build as a readable PNG, from the
 * bundled CLI; the proof marks are drawn in (an overset article gets its red 溢出 box).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/pipeline.js';

describe('zuban preview', () => {
  it('--- readable-page --- A01 at 150 dpi, with the overset mark of an article made too long', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-preview-'));
    fs.cpSync('content', path.join(root, 'content'), { recursive: true });
    const f = path.join(root, 'content/articles/a01-cold-wave.md');
    fs.writeFileSync(f, `${fs.readFileSync(f, 'utf8').trimEnd()}\n\n${'寒潮过后气温回升，市民出行请注意防寒保暖。'.repeat(40)}\n`);
    const out = path.join(root, 'out');
    const built = await buildEdition(path.join(root, 'content/edition.yaml'), out, { preview: false, log: () => {}, result: () => {} });
    const png = path.join(root, 'a01.png');
    const r = spawnSync(process.execPath, [path.resolve('dist/bundle/zuban.js'), 'preview', 'A01', '--dpi', '150', '--out', out, '-o', png], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^.*a01\.png  A01 at 150 dpi, \d+ proof mark\(s\)\n$/);
    const img = PNG.sync.read(fs.readFileSync(png));
    const page = built.print.pages[0];
    expect(img.width).toBe(Math.ceil((page.width * 150) / 72));
    // the overset body's last block carries a red box: pure-ish red pixels on its top edge
    const body = page.blocks.filter((b) => b.source.id === 'cold-wave' && b.source.component === 'body').at(-1)!;
    const y = Math.round((body.rect.y * 150) / 72);
    let red = 0;
    for (let x = Math.round((body.rect.x * 150) / 72); x < Math.round(((body.rect.x + body.rect.w) * 150) / 72); x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i] > 200 && img.data[i + 1] < 80 && img.data[i + 2] < 80) red++;
    }
    expect(red).toBeGreaterThan(50);
    // the ad is drawn from its PDF page, not as the grey box with a cross of a missing picture
    const ad = page.blocks.flatMap((b) => b.graphics).find((g) => g.kind === 'form')!;
    let grey = 0, all = 0;
    for (let yy = Math.ceil((ad.y * 150) / 72); yy < Math.floor(((ad.y + ad.h) * 150) / 72); yy += 2)
      for (let x = Math.ceil((ad.x * 150) / 72); x < Math.floor(((ad.x + ad.w) * 150) / 72); x += 2) {
        const i = (yy * img.width + x) * 4;
        all++;
        if (img.data[i] === 232 && img.data[i + 1] === 232 && img.data[i + 2] === 232) grey++;
      }
    expect(grey / all).toBeLessThan(0.2);
    const bad = spawnSync(process.execPath, [path.resolve('dist/bundle/zuban.js'), 'preview', 'Z99', '--out', out, '-o', png], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no page Z99 \(pages: A01, A02, A03, A04, A05\)/);
  }, 120_000);
});
