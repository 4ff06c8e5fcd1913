import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { describe, expect, it } from 'vitest';
import { deferModule, requireCjs } from '../../src/fonts/deferModule.js';
import { fonts } from '../helpers/fonts.js';

describe('deferModule', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-defer-'));
  const from = path.join(dir, 'user.cjs');
  fs.writeFileSync(path.join(dir, 'heavy.cjs'), 'globalThis.__heavyLoads = (globalThis.__heavyLoads ?? 0) + 1;\nmodule.exports = { twice: (x) => 2 * x, name: "heavy" };\n');
  fs.writeFileSync(from, 'module.exports = require("./heavy.cjs");\n');
  const g = globalThis as { __heavyLoads?: number };

  it('--- loads-on-first-touch --- requiring the deferred module loads nothing; the first use loads it once', () => {
    deferModule(from, './heavy.cjs');
    const user = requireCjs(from) as { twice(x: number): number; name: string };
    expect(g.__heavyLoads ?? 0).toBe(0);
    expect(util.types.isProxy(user)).toBe(true);
    expect(user.twice(21)).toBe(42);
    expect(user.name).toBe('heavy');
    expect(g.__heavyLoads).toBe(1);
  });

  it('--- the-libraries-still-work --- fontkit’s shaper (unicode-properties, deferred) lays out text', () => {
    const run = fonts.face('song').font.layout('中文排版 zuban');
    expect(run.glyphs.length).toBe(10);
  });
});
