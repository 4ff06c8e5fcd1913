/**
 * Timing of the archive export on 16 dense pages (BENCH=1 npx vitest run test/archive/bench.test.ts);
 * skipped otherwise: the tests do not time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { writeArchive } from '../../src/archive/index.js';
import { projectRoot } from '../../src/projectRoot.js';
import { denseDocument } from './fixtures.js';

it.skipIf(!process.env.BENCH)('--- bench --- archive of 16 dense pages', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-bench-'));
  const doc = await denseDocument(tmp, 16);
  const glyphs = doc.pages.reduce((n, p) => n + p.blocks.reduce((m, b) => m + b.lines.reduce((k, l) => k + l.runs[0].gids.length, 0), 0), 0);
  for (const run of [1, 2, 3]) {
    const t = performance.now();
    const r = await writeArchive(doc, { outDir: path.join(tmp, 'archive'), projectRoot, assetDir: tmp, epaper: process.env.EPAPER !== '0' });
    const total = performance.now() - t;
    const bytes = r.files.reduce((n, f) => n + f.size, 0);
    console.log(`run ${run}: ${glyphs} glyphs, ${Math.round(total)} ms (PDF ${Math.round(r.timings.pdf)}, ALTO ${Math.round(r.timings.alto)}, METS ${Math.round(r.timings.mets)}), ${(bytes / 1e6).toFixed(1)} MB`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  expect(true).toBe(true);
});
