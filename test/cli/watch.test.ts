/**
 * `zuban build --watch` from the bundled CLI: builds, then rebuilds when an article
 * changes (it used to die at start with the compile-cache patch in place).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('zuban build --watch', () => {
  it('--- rebuilds-on-edit --- the first build, then another after an article is saved', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-watch-'));
    fs.cpSync('content', path.join(root, 'content'), { recursive: true });
    fs.cpSync('templates', path.join(root, 'templates'), { recursive: true });
    const child = spawn(process.execPath, [path.resolve('dist/bundle/zuban.js'), 'build', 'content/edition.yaml', '--watch', '--no-preview', '--out', 'out'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d) => (log += d));
    child.stdout.on('data', (d) => (log += d));
    const built = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no build ${n} in time:\n${log}`)), 40_000);
        const check = () => {
          if ((log.match(/built \d+ pages/g) ?? []).length >= n) {
            clearTimeout(t);
            resolve();
          }
        };
        // results (the `built …` line) on stdout, warnings on stderr
        child.stdout.on('data', check);
        child.stderr.on('data', check);
        check();
      });
    try {
      await built(1);
      const f = path.join(root, 'content/articles/a02-market.md');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('本报讯', '本报讯（更新）'));
      await built(2);
      const frame = JSON.parse(fs.readFileSync(path.join(root, 'out/frame.json'), 'utf8'));
      const text = frame.pages.flatMap((p: { blocks: { lines: { runs: { text: string }[] }[] }[] }) => p.blocks.flatMap((b) => b.lines.flatMap((l) => l.runs.map((r) => r.text)))).join('');
      expect(text).toContain('更新');
      expect(log).not.toMatch(/ERR_|internal error/);
      // still watching: a watcher that ended by itself is a defect (and its 'exit' is past)
      expect(child.exitCode ?? child.signalCode, `the watcher ended by itself:\n${log}`).toBeNull();
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        // Ctrl-C cleans up and exits; on a loaded machine give it time, then stop it hard
        const ended = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))]);
        if (!ended) {
          child.kill('SIGKILL');
          await exited;
          throw new Error(`the watcher did not exit on SIGINT within 20 s:\n${log}`);
        }
      }
    }
    expect(fs.readdirSync(path.join(root, '.out.builds')).filter((f) => f !== 'lock')).toHaveLength(1);
  }, 90_000);
});
