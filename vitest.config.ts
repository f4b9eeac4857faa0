import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Fixture projects are inputs, not tests, even where they hold a checkout.test.ts. */
const EXCLUDE = ['**/node_modules/**', 'packages/*/test/fixtures*/**', 'test/fixtures/**'];
/** Test files that replace one of our modules with `vi.mock`. */
const MOCKING = ['packages/codemod/test/unsupported-shape.test.ts'];

export default defineConfig({
  resolve: {
    // core loads TypeScript through a CommonJS shim (packages/core/src/typescript.cts) for start-up
    // speed; Vite cannot transform .cts sources, and the shim only re-exports the package.
    // cache/cache-folder.cts, shared by that shim and the model cache, is taken from the build (`npm test`
    // builds first).
    alias: [
      { find: /^(?:\.\.?\/)+typescript\.cjs$/, replacement: 'typescript' },
      // The codemod's shim of ts-morph's `ts` (packages/codemod/src/ts-morph-ts.cts), likewise from the build.
      { find: /^(?:\.\.?\/)+ts-morph-ts\.cjs$/, replacement: fileURLToPath(new URL('./packages/codemod/dist/ts-morph-ts.cjs', import.meta.url)) },
      { find: /^(?:\.\.?\/)+cache-folder\.cjs$/, replacement: fileURLToPath(new URL('./packages/core/dist/cache/cache-folder.cjs', import.meta.url)) },
    ],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The gate's start-up snapshot (codemod safety/gate-snapshot.ts) is built in a background
    // process after a run without one; tests that want it turn it on in a cache of their own.
    env: { FLAGDEBT_GATE_SNAPSHOT: '0' },
    // Vitest's default leaves one core free; on a 2-core machine that runs the files one at a
    // time while most of them wait on child processes (CLI runs, tsc). Two workers there: 203 s -> 144 s.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // Test files share their worker's loaded modules: each file importing typescript, ts-morph
        // and eslint again cost more than the tests that follow (237 s -> 107 s for the suite).
        test: { name: 'shared', include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...EXCLUDE, ...MOCKING], isolate: false },
      },
      // A file that mocks one of our modules needs its own module graph.
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
    ],
  },
});
