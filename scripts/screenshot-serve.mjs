#!/usr/bin/env node
// node scripts/screenshot-serve.mjs — README's picture of `zuban serve` (docs/serve.png):
// the sample edition copied to a temporary folder, one article lengthened so that an overset
// mark shows, `zuban serve` started on it, and the page photographed by Debian's chromium
// through playwright-core once the rebuild has come in. Needs `npm run build` first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-shot-'));
fs.cpSync(path.join(root, 'content'), path.join(work, 'content'), { recursive: true });
fs.cpSync(path.join(root, 'templates'), path.join(work, 'templates'), { recursive: true });
const child = spawn(process.execPath, [path.join(root, 'dist/bundle/zuban.js'), 'serve', 'content/edition.yaml', '--port', '0'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (out += d));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-chromium-'));
let browser;
try {
  const url = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /zuban serve: (http:\/\/\S+)/.exec(out);
      if (m) (clearTimeout(t), resolve(m[1]));
    };
    child.stdout.on('data', check);
    check();
  });
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(url);
  await page.waitForFunction(() => window.__zubanBuilds > 0, null, { timeout: 120_000 });
  // an editor's too-long article: the overset mark appears without a reload
  const f = path.join(work, 'content/articles/a01-cold-wave.md');
  fs.writeFileSync(f, `${fs.readFileSync(f, 'utf8').trimEnd()}\n\n${'寒潮过后气温回升，市民出行请注意防寒保暖，关注天气预报。'.repeat(12)}\n`);
  await page.locator('.mark.overset[data-article="cold-wave"]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1500); // the page image after the marks
  await page.screenshot({ path: path.join(root, 'docs/serve.png') });
  console.log('docs/serve.png');
} finally {
  await browser?.close();
  child.kill('SIGINT');
  await new Promise((r) => child.on('exit', r));
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
}
