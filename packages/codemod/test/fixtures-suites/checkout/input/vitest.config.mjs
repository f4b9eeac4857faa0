// The shop's own test command: `vitest run` over src and test.
export default {
  test: { include: ['src/**/*.test.ts'], environment: 'node', pool: 'threads', maxWorkers: 1, watch: false },
};
