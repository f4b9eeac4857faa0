import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // core loads TypeScript through a CommonJS shim (packages/core/src/typescript.cts) for start-up
    // speed; Vite cannot transform .cts sources, and the shim only re-exports the package.
    alias: [{ find: /^(?:\.\.?\/)+typescript\.cjs$/, replacement: 'typescript' }],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
