/**
 * Bundles serverChild.ts (TypeScript) into one ES module Node runs as it is, inside the
 * project (so the fonts and templates are found from it) — a real server process that a
 * test can kill -9.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'rolldown';
import { projectRoot } from '../../src/projectRoot.js';

let bundled: Promise<string> | undefined;

export function childScript(): Promise<string> {
  return (bundled ??= (async () => {
    const dir = path.join(projectRoot, 'node_modules/.cache/zuban-desk-test');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `child-${process.pid}.mjs`);
    await build({
      input: path.join(projectRoot, 'test/desk/serverChild.ts'),
      platform: 'node',
      // rolldown's own helpers go into the bundle; libraries stay in node_modules
      external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('@oxc-project/runtime'),
      output: { file, format: 'esm', codeSplitting: false },
      logLevel: 'silent',
    });
    return file;
  })());
}

/** Starts a desk server process; resolves with it and its URL once it listens. */
export async function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [await childScript()], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`desk child exited ${code}`)));
    lines.once('line', (l) => resolve((JSON.parse(l) as { url: string }).url));
  });
  return { child, url };
}
