#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { relaunch, relaunchOptions } from './relaunch.js';

const argv = process.argv.slice(2);
// Decided before the CLI (and TypeScript) is loaded: a re-launched run loads them in the child.
const options = relaunchOptions({ argv, env: process.env, execArgv: process.execArgv, cores: availableParallelism() });
const relaunched = options === null ? null : await relaunch(fileURLToPath(import.meta.url), options, argv);
if (relaunched !== null) {
  process.exitCode = relaunched;
} else {
  const { processIO } = await import('./process-io.js');
  const { run } = await import('./main.js');
  process.exitCode = await run(argv, processIO());
}
