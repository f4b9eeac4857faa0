#!/usr/bin/env node
// The `flagdebt` command. Committed (not built), so that `npm ci` links it in a fresh clone
// before dist/ exists; it runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('flagdebt: the CLI is not built yet (no packages/cli/dist/bin.js).\n  fix: run `npm run build` in the flagdebt repository, then run flagdebt again.\n');
  process.exitCode = 2;
}
