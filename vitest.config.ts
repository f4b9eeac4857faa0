import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // core loads TypeScript through a CommonJS shim (packages/core/src/typescript.cts) for start-up
    // speed; Vite cannot transform .cts sources, and the shim only re-exports the package.
    // cache/cache-folder.cts, shared by that shim and the model cache, is taken from the build (`npm test`
    // builds first).
    alias: [
      { find: /^(?:\.\.?\/)+typescript\.cjs$/, replacement: 'typescript' },
      { find: /^(?:\.\.?\/)+cache-folder\.cjs$/, replacement: fileURLToPath(new URL('./packages/core/dist/cache/cache-folder.cjs', import.meta.url)) },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Fixture projects are inputs, not tests, even where they hold a checkout.test.ts.
    exclude: ['**/node_modules/**', 'packages/*/test/fixtures*/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
