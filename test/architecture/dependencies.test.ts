/**
 * The direction of dependencies (.dependency-cruiser.cjs): src/ keeps it, and the checker
 * does fail on a wrong-way import (a fixture tree with one), so the first test can fail.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve('node_modules/.bin/depcruise');
// the checker colours its report when it thinks it may (CI=true): compare plain text
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const cruise = (cwd: string) => {
  try {
    return { code: 0, out: plain(execFileSync(bin, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } })) };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: plain(e.stdout + e.stderr) };
  }
};

/** A small tree with the project's rules: stage files, one import per `imports` entry. */
function fixture(imports: Record<string, string[]>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-deps-'));
  fs.copyFileSync('.dependency-cruiser.cjs', path.join(root, '.dependency-cruiser.cjs'));
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', allowImportingTsExtensions: true, noEmit: true } }));
  const files = new Set([...Object.keys(imports), ...Object.values(imports).flat()]);
  for (const f of files) {
    const file = path.join(root, 'src', f);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lines = (imports[f] ?? []).map((to, i) => `import * as m${i} from '${path.relative(path.dirname(file), path.join(root, 'src', to)).replace(/^(?!\.)/, './').replace(/\.ts$/, '.js')}';\nvoid m${i};`);
    fs.writeFileSync(file, `${lines.join('\n')}\nexport const x = 1;\n`);
  }
  return root;
}

describe('dependency direction', () => {
  it('--- src-keeps-the-direction --- no wrong-way import and no cycle in src/', { timeout: 120_000 }, () => {
    const r = cruise(process.cwd());
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });

  it('--- wrong-way-import-fails --- text importing layout, the desk importing past the API, and a cycle are each caught', { timeout: 180_000 }, () => {
    const ok = cruise(fixture({ 'layout/a.ts': ['text/b.ts', 'frame/types.ts'], 'desk/server.ts': ['index.ts'] }));
    expect(ok.code, ok.out).toBe(0);
    // three wrong ways in one tree (one run of the checker): each is named
    const wrong = cruise(fixture({ 'text/b.ts': ['layout/a.ts'], 'desk/server.ts': ['notices/pricing.ts'], 'model/a.ts': ['model/b.ts'], 'model/b.ts': ['model/a.ts'] }));
    expect(wrong.code).not.toBe(0);
    expect(wrong.out).toMatch(/text-not-to-.*src\/text\/b\.ts → src\/layout\/a\.ts/s);
    expect(wrong.out).toMatch(/desk-through-the-api/);
    expect(wrong.out).toMatch(/no-circular/);
  });
});
