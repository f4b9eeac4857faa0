import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The project's own `tsc` if it has one, else the one flagdebt was installed with. */
function tscBinary(dir: string): string[] {
  for (let d = dir; ; d = path.dirname(d)) {
    const local = path.join(d, 'node_modules', 'typescript', 'bin', 'tsc');
    if (fs.existsSync(local)) return [process.execPath, local];
    if (path.dirname(d) === d) break;
  }
  return [process.execPath, createRequire(import.meta.url).resolve('typescript/bin/tsc')];
}

export function findTsconfig(dir: string): string | null {
  const file = path.join(dir, 'tsconfig.json');
  return fs.existsSync(file) ? file : null;
}

/**
 * Type errors of the project as `file: TSxxxx: message` lines (positions dropped, so errors
 * that only moved because lines were removed compare equal).
 */
export function typeErrors(tsconfig: string): string[] {
  const [node, tsc] = tscBinary(path.dirname(tsconfig));
  let out = '';
  try {
    execFileSync(node, [tsc, '--noEmit', '--pretty', 'false', '-p', tsconfig], { cwd: path.dirname(tsconfig), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  return out
    .split('\n')
    .map((l) => /^(.*?)\(\d+,\d+\): error (TS\d+): (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}: ${m[2]}: ${m[3]}`);
}

export function newErrors(before: string[], after: string[]): string[] {
  const counts = new Map<string, number>();
  for (const e of before) counts.set(e, (counts.get(e) ?? 0) + 1);
  const out: string[] = [];
  for (const e of after) {
    const n = counts.get(e) ?? 0;
    if (n > 0) counts.set(e, n - 1);
    else out.push(e);
  }
  return out;
}
