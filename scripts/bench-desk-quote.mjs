#!/usr/bin/env node
// The desk's live quote over HTTP, as the clerks' browsers ask for it: a desk server
// (dist/bundle/zuban.js desk, SQLite in a temporary folder) on loopback, 20 logged-in
// clients posting /api/quote with sample notices. Two loads, the same run:
//   typing     — each client waits THINK ms (±50 %) between its requests, as the form's
//                debounce does while a clerk types (default 250 ms);
//   saturated  — each client posts again as soon as it has its answer (the worst case:
//                20 requests always queued on one Node process).
// Prints latency p50/p95/p99, requests per second, and the server's CPU time (user+sys,
// from /proc) per request, with the machine's load average — wall-clock latency on a
// loaded machine is mostly waiting for a core.
// Env: CLIENTS=20, SECONDS=8 (per load), THINK=250. Called by scripts/bench.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// as scripts/bench.mjs does on a shared machine: the timed processes (this one, and the
// server it starts, which inherits it) at a raised priority when root; NICE=0 turns it off
const NICE = Number(process.env.NICE ?? (process.getuid?.() === 0 ? -15 : 0));
try {
  if (NICE) os.setPriority(0, NICE);
} catch {
  /* not allowed: timed at the priority we have */
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const zuban = path.join(root, 'dist/bundle/zuban.js');
const CLIENTS = Number(process.env.CLIENTS ?? 20), SECONDS = Number(process.env.SECONDS ?? 8), THINK = Number(process.env.THINK ?? 250);
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-bench-desk-'));
const password = 'bench-password-123';
const env = { ...process.env, ZUBAN_DESK_PASSWORD: password };
const add = spawnSync(process.execPath, [zuban, 'desk', 'user', 'add', 'bench', '--role', 'desk', '--data', data], { env, encoding: 'utf8' });
if (add.status !== 0) throw new Error(`bench-desk-quote: cannot add the user: ${add.stderr}`);
const server = spawn(process.execPath, [zuban, 'desk', '--port', '0', '--data', data], { env, stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise((resolve, reject) => {
  let err = '';
  server.stderr.on('data', (b) => {
    err += b;
    const m = /desk: (http:\/\/\S+)/.exec(err);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`bench-desk-quote: the server exited (${code}): ${err}`)));
});

const cpuMs = () => {
  const f = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
};

async function login() {
  const jar = new Map();
  const req = async (p, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url + p, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv.indexOf('=');
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
    return res;
  };
  const token = /name="_csrf" value="([^"]+)"/.exec(await (await req('/login')).text())[1];
  const r = await req('/login', { method: 'POST', body: new URLSearchParams({ _csrf: token, username: 'bench', password }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  if (r.status !== 303) throw new Error(`bench-desk-quote: login answered ${r.status}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await req('/notices/new')).text())[1];
  return { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), csrf };
}

const dir = path.join(root, 'content/notices');
const samples = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')));
// a clerk's keystrokes: the same notice with its phone number typed one digit further each time
const bodies = samples.slice(0, 60).flatMap((d, i) => [0, 1, 2].map((k) => JSON.stringify({ data: { ...d, customer: { ...d.customer, phone: `13800000${String(i).padStart(2, '0')}${k}` } } })));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function load(think) {
  const sessions = await Promise.all(Array.from({ length: CLIENTS }, login));
  const times = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const cpu0 = cpuMs();
  await Promise.all(
    sessions.map(async (s, c) => {
      let i = c * 7;
      if (think) await sleep(Math.random() * think);
      while (performance.now() < end) {
        const body = bodies[i++ % bodies.length];
        const t = performance.now();
        const res = await fetch(`${url}/api/quote`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Cookie: s.cookie, 'X-CSRF-Token': s.csrf } });
        const j = await res.json();
        times.push(performance.now() - t);
        if (res.status !== 200 || !j.ok) {
          errors++;
          if (process.env.DEBUG && errors < 3) console.error(res.status, JSON.stringify(j).slice(0, 400));
        }
        if (think) await sleep(think * (0.5 + Math.random()));
      }
    }),
  );
  const cpu = cpuMs() - cpu0;
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  return { n: times.length, errors, p50: q(0.5), p95: q(0.95), p99: q(0.99), rps: (times.length / SECONDS).toFixed(0), cpuPerReq: (cpu / times.length).toFixed(2) };
}

try {
  const load0 = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  // warm the server (first set of each notice type, the fonts' glyph caches)
  const warm = await login();
  for (const body of bodies) await fetch(`${url}/api/quote`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Cookie: warm.cookie, 'X-CSRF-Token': warm.csrf } });
  const typing = await load(THINK);
  const saturated = await load(0);
  const load1 = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const line = (name, r) => `${name}: p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.rps} req/s, server CPU ${r.cpuPerReq} ms/request (${r.n} requests, ${r.errors} errors)`;
  console.log(
    `live quote over HTTP, ${CLIENTS} clients on loopback (POST /api/quote, ${samples.length} sample notices):\n` +
      `  ${line(`typing (${THINK} ms ±50 % between requests)`, typing)}\n` +
      `  ${line('saturated (no pause)', saturated)}\n` +
      `  load average ${load0} before, ${load1} after; ${os.cpus().length} cores; nice ${os.getPriority(0)}`,
  );
} finally {
  server.kill('SIGTERM');
  fs.rmSync(data, { recursive: true, force: true });
}
