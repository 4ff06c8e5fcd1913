#!/usr/bin/env node
// The archive stage alone (writeArchive on the 16-page bench edition's out/frame-archive.json),
// in one process: run 1 pays for loading the fonts and jieba as `zuban build --archive`
// does, later runs show the steady cost. Prints per run the wall and CPU (user+sys) time and
// writeArchive's own split: the pages' PDFs, the e-paper, ALTO, METS, hashing and writing.
// Env: RUNS=3, EPAPER=0 (leave the e-paper out). Builds the edition first when
// bench-out/edition16/out is missing (scripts/bench-edition.mjs). Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench-out', 'edition16', 'out');
if (!fs.existsSync(path.join(root, 'dist', 'archive', 'index.js'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (!fs.existsSync(path.join(out, 'frame-archive.json'))) spawnSync('node', [path.join(root, 'scripts', 'bench-edition.mjs')], { env: { ...process.env, RUNS: '0' }, stdio: ['ignore', 'ignore', 'inherit'] });
const { writeArchive } = await import(pathToFileURL(path.join(root, 'dist', 'archive', 'index.js')).href);
const { readFrame } = await import(pathToFileURL(path.join(root, 'dist', 'frame', 'schema.js')).href);
const doc = readFrame(JSON.parse(fs.readFileSync(path.join(out, 'frame-archive.json'), 'utf8')));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-bench-archive-'));
process.stdout.write(`archive stage of the ${doc.pages.length}-page bench edition (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})\n`);
for (let i = 1; i <= Number(process.env.RUNS ?? 3); i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await writeArchive(doc, { outDir: path.join(dir, 'archive'), projectRoot: root, assetDir: out, epaper: process.env.EPAPER !== '0' });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const split = Object.entries(r.timings).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
  const mb = r.files.reduce((n, f) => n + f.size, 0) / 1e6;
  process.stdout.write(`run ${i}: ${Math.round(wall)} ms wall, ${Math.round((c.user + c.system) / 1000)} ms CPU (${split} ms); ${r.files.length} files, ${mb.toFixed(1)} MB\n`);
}
fs.rmSync(dir, { recursive: true, force: true });
