/**
 * TypeScript inside the gate's start-up snapshot (gate-snapshot-entry.ts): a snapshot's script
 * cannot `require` files, so a TypeScript is read and run as a function, as CommonJS would run it
 * (it only requires Node's own modules while loading). Each file is loaded once per process: the
 * project's TypeScript and flagdebt's are the same object when they are the same file, as
 * `require` makes them in the gate's worker thread.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TypeScript } from './type-gate.js';

const loaded = new Map<string, TypeScript>();

export function loadTypeScriptFile(entry: string): TypeScript {
  let tsx = loaded.get(entry);
  if (!tsx) {
    const module = { exports: {} as TypeScript };
    const run = new Function('module', 'exports', 'require', '__filename', '__dirname', fs.readFileSync(entry, 'utf8')) as (...args: unknown[]) => void;
    run(module, module.exports, createRequire(entry), entry, path.dirname(entry));
    tsx = module.exports;
    loaded.set(entry, tsx);
  }
  return tsx;
}

/** The TypeScript core's resolver uses (flagdebt's own; the snapshot's builder names it). */
export function coreTypeScript(): TypeScript {
  const entry = process.env.FLAGDEBT_GATE_SNAPSHOT_CORE_TS;
  if (!entry) throw new Error('FLAGDEBT_GATE_SNAPSHOT_CORE_TS is not set: the gate snapshot is built by gate-snapshot-build.js');
  return loadTypeScriptFile(entry);
}
