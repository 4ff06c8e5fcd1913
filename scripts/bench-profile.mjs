#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): top functions by self time, by inclusive
// time, and self time per file (package or src/ module), so that the hot spots of
// `zuban typeset` can be named. Only reads the profile.
//   usage: node scripts/bench-profile.mjs PROFILE.cpuprofile [TOP=25]
//   e.g.   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bundle/zuban.js typeset \
//            bench-out/anchors/out/inputs/32/input.json /tmp/z.pdf
//          node scripts/bench-profile.mjs /tmp/prof/*.cpuprofile
// Marginal cost per page: with --diff SMALL.cpuprofile PAGES_SMALL PAGES_LARGE, the self
// time of each function in the SMALL-page profile is subtracted from the large one's and
// divided by the page difference (e.g. 8- and 32-page runs → ms per page, start-up cancelled):
//   node scripts/bench-profile.mjs z32.cpuprofile 25 --diff z8.cpuprofile 8 32
import fs from 'node:fs';

const args = process.argv.slice(2);
const di = args.indexOf('--diff');
const diff = di >= 0 ? { file: args[di + 1], small: Number(args[di + 2]), large: Number(args[di + 3]) } : null;
if (di >= 0) args.splice(di, 4);
const [file, topArg] = args;
if (!file) {
  process.stderr.write('usage: node scripts/bench-profile.mjs PROFILE.cpuprofile [TOP] [--diff SMALL.cpuprofile N_SMALL N_LARGE]\n');
  process.exit(2);
}
const TOP = Number(topArg ?? 25);
// FILE may be a comma-separated list (several runs): the summary reads the first, --diff
// averages them all on both sides.
const files = file.split(',');
const prof = JSON.parse(fs.readFileSync(files[0], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample durations: timeDeltas[i] is the time before sample i.
const self = new Map();
const dt = prof.timeDeltas;
prof.samples.forEach((id, i) => {
  const d = dt[i + 1] ?? dt[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + d);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const short = (url) => {
  if (!url) return '';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) return u.slice(nm + 'node_modules/'.length);
  const d = u.indexOf('/dist/');
  if (d >= 0) return u.slice(d + 1);
  return u.replace(/^.*\/(?=[^/]+\/[^/]+$)/, '');
};
const keyOf = (n) => {
  const cf = n.callFrame;
  return `${cf.functionName || '(anonymous)'}  ${short(cf.url)}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
};
const fileOf = (n) => {
  const s = short(n.callFrame.url);
  if (!s) return n.callFrame.functionName || '(native)';
  const m = /^(@[^/]+\/[^/]+|[^/]+)\//.exec(s);
  if (s.startsWith('dist/')) return s;
  return m && !s.startsWith('node:') ? m[1] : s;
};

const selfBy = new Map();
const fileSelf = new Map();
const incl = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  const k = keyOf(n);
  selfBy.set(k, (selfBy.get(k) ?? 0) + t);
  const f = fileOf(n);
  fileSelf.set(f, (fileSelf.get(f) ?? 0) + t);
  // inclusive: every distinct function on the stack gets the sample once
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = keyOf(byId.get(cur));
    if (seen.has(kk)) continue;
    seen.add(kk);
    incl.set(kk, (incl.get(kk) ?? 0) + t);
  }
}
const ms = (us) => (us / 1000).toFixed(1).padStart(8);
const pct = (us) => ((100 * us) / total).toFixed(1).padStart(5);
const print = (title, m, n) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms(t)} ms ${pct(t)} %  ${k}`);
};
console.log(`${files[0]}: ${(total / 1000).toFixed(0)} ms sampled, ${prof.samples.length} samples`);
print('Self time by function:', selfBy, TOP);
print('Self time by file / package:', fileSelf, 20);
print('Inclusive time by function:', new Map([...incl].filter(([k]) => !/^\((root|program|idle)\)/.test(k))), TOP);

if (diff) {

  const selfOf = (p) => {
    const ids = new Map(p.nodes.map((n) => [n.id, n]));
    const m = new Map();
    p.samples.forEach((id, i) => {
      const k = keyOf(ids.get(id));
      m.set(k, (m.get(k) ?? 0) + (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0));
    });
    return m;
  };
  const avg = (list) => {
    const m = new Map();
    for (const f of list) for (const [k, t] of selfOf(JSON.parse(fs.readFileSync(f, 'utf8')))) m.set(k, (m.get(k) ?? 0) + t / list.length);
    return m;
  };
  const big = avg(files), small = avg(diff.file.split(','));
  const per = diff.large - diff.small;
  const d = new Map();
  for (const k of new Set([...big.keys(), ...small.keys()])) d.set(k, ((big.get(k) ?? 0) - (small.get(k) ?? 0)) / per);
  const sum = [...d.values()].reduce((a, b) => a + b, 0);
  console.log(`\nMarginal self time per page ((${diff.large} p − ${diff.small} p) / ${per}): ${(sum / 1000).toFixed(2)} ms a page in all`);
  for (const [k, t] of [...d].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${(t / 1000).toFixed(3).padStart(8)} ms ${((100 * t) / sum).toFixed(1).padStart(5)} %  ${k}`);
}
