import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enableCompileCache } from '../../src/cli/compileCache.js';

describe('the code cache of CommonJS libraries', () => {
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
    // a changed library is not read from the old cache
    fs.writeFileSync(lib, 'module.exports = { name: "changed", twice: (x) => 3 * x };\n');
    fs.utimesSync(lib, new Date(), new Date(Date.now() + 5000));
    const third = enableCompileCache(root)!;
    try {
      expect(load().twice(4)).toBe(12);
      expect([third.hits, third.misses]).toEqual([0, 1]);
    } finally {
      third.restore();
    }
  });
});
