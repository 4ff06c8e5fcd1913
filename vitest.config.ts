import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/buildWasm.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores in CI: fonts are 10–16 MB each, so keep the worker count small.
    maxWorkers: 2,
  },
});
