#!/usr/bin/env node
// The desk's in-process quote: one notice given as data, checked, worded, set with the
// page's engine and priced through the library API (dist/index.js), as the desk server
// does for every keystroke. Prints the median and p95 of N warm quotes (after W warm-ups).
// Env: N=200, W=20. Called by scripts/bench.mjs; runs on its own too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = await import(pathToFileURL(path.join(root, 'dist/index.js')).href);
const N = Number(process.env.N ?? 200), W = Number(process.env.W ?? 20);
const ctx = api.loadNoticeContext(path.join(root, 'templates'));
const fonts = api.defaultFonts();
const dir = path.join(root, 'content/notices');
const data = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().slice(0, 40).map((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')));
const quote = (d) => {
  const p = api.prepareNoticeData(d, ctx, 'desk');
  if (!p.ok) throw new Error(`bench-quote: a sample notice is refused: ${p.refused.map((r) => r.messageEn).join('; ')}`);
  return api.proofNotice(p, ctx, fonts).quote.total;
};
const t0 = performance.now();
quote(data[0]);
const first = performance.now() - t0;
for (let i = 0; i < W; i++) quote(data[i % data.length]);
const times = [];
for (let i = 0; i < N; i++) {
  const t = performance.now();
  quote(data[i % data.length]);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`in-process quote of one notice (${data.length} sample notices, ${N} runs): median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms warm; first ${first.toFixed(0)} ms`);
