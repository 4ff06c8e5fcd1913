/**
 * `zuban serve` in a real browser (playwright-core driving Debian's chromium): open the page
 * on a copy of the sample edition, see page A01, make an article overset by editing its file,
 * and see the 溢出 mark appear on A01 without the page being reloaded. Skipped only where
 * /usr/bin/chromium is missing and CI is not set (.ci/run installs it).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const runIt = fs.existsSync(chromiumPath) || process.env.CI ? it : it.skip;

describe('zuban serve in a browser', () => {
  runIt('--- live-overset --- shows A01, then the overset mark of an edited article without a reload', async () => {
    const { chromium } = await import('playwright-core');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-serve-'));
    fs.cpSync('content', path.join(root, 'content'), { recursive: true });
    fs.cpSync('templates', path.join(root, 'templates'), { recursive: true });
    const child = spawn(process.execPath, [path.resolve('dist/bundle/zuban.js'), 'serve', 'content/edition.yaml', '--port', '0', '--no-preview'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-chromium-'));
    let browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 30_000);
        const check = () => {
          const m = /zuban serve: (http:\/\/\S+)/.exec(out);
          if (m) (clearTimeout(t), resolve(m[1]));
        };
        child.stdout.on('data', check);
        check();
      });
      browser = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1400, height: 900 },
      });
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(url);
      // the first build may still be running: the page fills in when /events says it is done
      await page.waitForFunction(() => (window as unknown as { __zubanBuilds: number }).__zubanBuilds > 0, null, { timeout: 120_000 });
      expect(await page.textContent('#pageName')).toContain('A01');
      expect(await page.locator('#over .block').count()).toBeGreaterThan(10);
      expect(await page.locator('.mark.overset').count()).toBe(0);
      await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

      const f = path.join(root, 'content/articles/a01-cold-wave.md');
      const text = fs.readFileSync(f, 'utf8');
      fs.writeFileSync(f, `${text.trimEnd()}\n\n${'寒潮过后气温回升，市民出行请注意防寒保暖，关注天气预报。'.repeat(40)}\n`);

      const mark = page.locator('.mark.overset[data-article="cold-wave"]');
      await mark.waitFor({ timeout: 120_000 });
      expect(await mark.textContent()).toMatch(/^溢出 \d+ 字$/);
      expect(await page.textContent('#marks')).toMatch(/articles\/a01-cold-wave\.md：溢出 \d+ 字/);
      expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
      // A01 and A02 together: a01-science-fair jumps from A01 to A02
      expect(out).toMatch(/set again: A01, A02 \(3 kept\)/);
    } finally {
      await browser?.close();
      child.kill('SIGINT');
      await new Promise((r) => child.on('exit', r));
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000);
});
