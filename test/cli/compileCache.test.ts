import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enableCompileCache } from '../../src/cli/compileCache.js';

describe('the code cache of CommonJS libraries', () => {
  it('--- es-modules-left-to-node --- a "type": "module" package under node_modules still loads', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-cc-'));
    const dir = path.join(root, 'node_modules/esm');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "esm", "type": "module", "main": "index.js" }');
    fs.writeFileSync(path.join(dir, 'index.js'), 'export const answer = 42;\n');
    const cache = enableCompileCache(root)!;
    try {
      const req = createRequire(path.join(root, 'x.js'));
      // Node 20 cannot require() an ES module at all; whatever it does, the hook must not
      // turn it into a CommonJS syntax error of its own
      let message = '';
      try {
        req(path.join(dir, 'index.js'));
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).not.toMatch(/Unexpected token 'export'/);
      expect(cache.misses).toBe(0);
    } finally {
      cache.restore();
    }
  });

  it('--- second-run-from-cache --- a library compiled once is compiled from the cache the next time, and still works', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-cc-'));
    const lib = path.join(root, 'node_modules/lib/index.js');
    fs.mkdirSync(path.dirname(lib), { recursive: true });
    fs.writeFileSync(lib, "const path = require('node:path'); module.exports = { name: path.basename(__filename), twice: (x) => 2 * x };\n");
    const load = () => {
      const req = createRequire(path.join(root, 'x.js'));
      delete req.cache[lib];
      return req(lib) as { name: string; twice(x: number): number };
    };
    const first = enableCompileCache(root)!;
    try {
      expect(load().twice(21)).toBe(42);
      expect([first.hits, first.misses]).toEqual([0, 1]);
      first.flush();
    } finally {
      first.restore();
    }
    const cacheDir = path.join(root, 'node_modules/.cache/zuban');
    expect(fs.readdirSync(cacheDir).flatMap((d) => fs.readdirSync(path.join(cacheDir, d)))).toHaveLength(1);
    const second = enableCompileCache(root)!;
    try {
      const m = load();
      expect([second.hits, second.misses]).toEqual([1, 0]);
      expect(m.name).toBe('index.js');
      expect(m.twice(4)).toBe(8);
    } finally {
      second.restore();
    }
    // a changed library is not read from the old cache, even at the same size and time
    const { mtime } = fs.statSync(lib);
    const before = fs.readFileSync(lib, 'utf8');
    const after = before.replace('2 * x', '3 * x');
    expect(after.length).toBe(before.length);
    fs.writeFileSync(lib, after);
    fs.utimesSync(lib, mtime, mtime);
    const third = enableCompileCache(root)!;
    try {
      expect(load().twice(4)).toBe(12);
      expect([third.hits, third.misses]).toEqual([0, 1]);
    } finally {
      third.restore();
    }
  });
});
