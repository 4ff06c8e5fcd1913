#!/usr/bin/env node
// Times `zuban build --watch` on the 16-page bench edition (scripts/bench-edition.mjs makes it
// in bench-out/edition16/): one article edited at a time, from the file write to the output's
// switch (the watcher prints its `built …` line right after the rename of out/). EDITS (default
// 10) edits, alternating between two articles on different pages; each edit appends a
// sentence to the article's body. Run twice: --no-preview (the page PDF) and with previews
// (the page PDF and its PNG). Prints the medians, and the phases the rebuilder reports
// (ZUBAN_TIMING=1). Not a test: figures move with the machine's load.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench-out', 'edition16');
const EDITS = Number(process.env.EDITS ?? 10);
const bin = path.join(root, 'dist/bundle/zuban.js');
if (!fs.existsSync(bin)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (!fs.existsSync(path.join(work, 'edition.yaml'))) {
  try {
    execFileSync('node', [path.join(root, 'scripts/bench-edition.mjs')], { env: { ...process.env, RUNS: '0' }, stdio: 'ignore' });
  } catch {
    // RUNS=0 has no medians to print; the edition is made before that
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function run(preview) {
  const out = path.join(work, preview ? 'out-watch' : 'out-watch-np');
  const args = [bin, 'build', path.join(work, 'edition.yaml'), '--watch', '--out', out, ...(preview ? [] : ['--no-preview'])];
  const child = spawn(process.execPath, args, { cwd: work, env: { ...process.env, ZUBAN_TIMING: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters = [];
  child.stdout.on('data', (d) => {
    stdout += d;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.on('data', (d) => (stderr += d));
  const builds = () => (stdout.match(/^built \d+ pages/gm) ?? []).length;
  const until = (n) =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no build ${n}:\n${stdout}\n${stderr.slice(-2000)}`)), 120_000);
      const check = () => (builds() >= n ? (clearTimeout(t), resolve(performance.now())) : waiters.push(check));
      check();
    });
  const untilEditionPdf = (n) =>
    new Promise((resolve) => {
      const check = () => ((stdout.match(/^edition\.pdf written/gm) ?? []).length >= n ? resolve() : waiters.push(check));
      check();
    });
  await until(1);
  await new Promise((r) => setTimeout(r, 1000));
  const files = ['a02-market.md', 'a03-birds.md'].map((f) => path.join(work, 'articles', f)).filter((f) => fs.existsSync(f));
  const originals = files.map((f) => fs.readFileSync(f, 'utf8'));
  const times = [];
  try {
    for (let i = 0; i < EDITS; i++) {
      const k = i % files.length;
      const n = builds();
      const t0 = performance.now();
      fs.writeFileSync(files[k], `${originals[k].trimEnd()}\n\n本段为第${i + 1}次修改。\n`);
      times.push((await until(n + 1)) - t0);
      // the next edit after edition.pdf has followed (the watcher writes it once the pages are out)
      await untilEditionPdf(n);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    files.forEach((f, k) => fs.writeFileSync(f, originals[k]));
    child.kill('SIGINT');
    await new Promise((r) => child.on('exit', r));
  }
  const lines = stdout.trim().split('\n').filter((l) => l.startsWith('built '));
  const phases = stderr.split('\n').filter((l) => l.startsWith('phases')).slice(1);
  return { times, last: lines.at(-1), phases: phases.at(-1) };
}

const np = await run(false);
const wp = await run(true);
const f = (xs) => `${Math.round(median(xs))} ms (min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))})`;
process.stdout.write(
  `16-page edition, --watch, one article edited (median of ${EDITS}, file write → out/ switched, watcher's 100 ms debounce included; edition.pdf follows in a second switch and is not counted):\n` +
    `  page PDF (--no-preview): ${f(np.times)}\n    ${np.last}\n    ${np.phases}\n` +
    `  page PDF + preview PNG:  ${f(wp.times)}\n    ${wp.last}\n    ${wp.phases}\n`,
);
