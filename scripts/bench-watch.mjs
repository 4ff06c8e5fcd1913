#!/usr/bin/env node
// Times `zuban build --watch` on the 16-page bench edition (scripts/bench-edition.mjs makes it
// in bench-out/edition16/): one article edited at a time, from the file write to the output's
// switch (the watcher prints its `built …` line right after the rename of out/). EDITS (default
// 10) edits, alternating between two articles on different pages; each edit appends a
// sentence to the article's body. Run twice: --no-preview (the page PDF) and with previews
// (the page PDF and its PNG). Prints the medians, and the phases the rebuilder reports
// (ZUBAN_TIMING=1). A third run times the readable preview: `zuban serve`, and after each
// edit the edited page at 150 dpi fetched as the page view does (/page/A0k.png?dpi=150),
// from the file write to the PNG received. Not a test: figures move with the machine's load.
// ZUBAN_BIN=path/to/zuban.js times another build of zuban (e.g. main's) on the same edition.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench-out', 'edition16');
const EDITS = Number(process.env.EDITS ?? 10);
const bin = process.env.ZUBAN_BIN ? path.resolve(process.env.ZUBAN_BIN) : path.join(root, 'dist/bundle/zuban.js');
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

/** `zuban serve`: each edit to its page at 150 dpi in hand, as the browser's page view gets it. */
async function readable() {
  const out = path.join(work, 'out-serve');
  const child = spawn(process.execPath, [bin, 'serve', path.join(work, 'edition.yaml'), '--port', '0', '--out', out], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`zuban serve did not start:\n${stdout}\n${stderr}`)), 60_000);
    const check = () => {
      const m = /(http:\/\/\S+\/)/.exec(stdout);
      if (m) (clearTimeout(t), resolve(m[1]));
      else setTimeout(check, 50);
    };
    check();
  });
  // the build events, as the page hears them
  const events = [];
  const waiters = [];
  const res = await fetch(`${url}events`);
  (async () => {
    const dec = new TextDecoder();
    let buf = '';
    for await (const chunk of res.body) {
      buf += dec.decode(chunk);
      for (let i; (i = buf.indexOf('\n\n')) >= 0; buf = buf.slice(i + 2)) {
        if (/^event: build/m.test(buf.slice(0, i))) {
          events.push(buf.slice(0, i));
          for (const w of waiters.splice(0)) w();
        }
      }
    }
  })().catch(() => {});
  const until = (n) => new Promise((resolve) => {
    const check = () => (events.length >= n ? resolve() : waiters.push(check));
    check();
  });
  // the first build: done when the edition is served
  for (let t0 = Date.now(); Date.now() - t0 < 120_000; await new Promise((r) => setTimeout(r, 200))) {
    const ok = await fetch(`${url}api/edition`).then((r) => r.ok, () => false);
    if (ok) break;
  }
  await new Promise((r) => setTimeout(r, 1500));
  const files = ['a02-market.md', 'a03-birds.md'].map((f) => path.join(work, 'articles', f)).filter((f) => fs.existsSync(f));
  const originals = files.map((f) => fs.readFileSync(f, 'utf8'));
  const pages = originals.map((t) => /^page: *(\S+)/m.exec(t)[1]);
  const times = [];
  try {
    for (let i = 0; i < EDITS; i++) {
      const k = i % files.length;
      const n = events.length;
      const t0 = performance.now();
      fs.writeFileSync(files[k], `${originals[k].trimEnd()}\n\n本段为第${i + 1}次修改。\n`);
      await until(n + 1);
      const png = await fetch(`${url}page/${pages[k]}.png?dpi=150&marks=1`);
      if (!png.ok) throw new Error(`page ${pages[k]}: ${png.status} ${await png.text()}`);
      await png.arrayBuffer();
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 1500)); // edition.pdf follows
    }
  } finally {
    files.forEach((f, k) => fs.writeFileSync(f, originals[k]));
    child.kill('SIGINT');
    await new Promise((r) => child.on('exit', r));
  }
  return { times };
}

const f = (xs) => `${Math.round(median(xs))} ms (min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))})`;
// ONLY=readable: the zuban serve run alone
const np = process.env.ONLY === 'readable' ? undefined : await run(false);
const wp = np && (await run(true));
if (np) process.stdout.write(
  `16-page edition, --watch, one article edited (median of ${EDITS}, file write → out/ switched, watcher's 100 ms debounce included; edition.pdf follows in a second switch and is not counted):\n` +
    `  page PDF (--no-preview): ${f(np.times)}\n    ${np.last}\n    ${np.phases}\n` +
    `  page PDF + preview PNG:  ${f(wp.times)}\n    ${wp.last}\n    ${wp.phases}\n`,
);
if (process.env.READABLE !== '0') {
  const rd = await readable();
  process.stdout.write(`  readable preview (zuban serve: write → the edited page at 150 dpi received): ${f(rd.times)}\n`);
}
