/** The state of a project directory on disk: every file's bytes and permission bits. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface FileState {
  text: string;
  mode: number;
}

export type Snapshot = Map<string, FileState>;

export function snapshot(dir: string): Snapshot {
  const out: Snapshot = new Map();
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const abs = join(folder, entry.name);
      if (entry.isDirectory()) visit(abs);
      else out.set(relative(dir, abs).split(sep).join('/'), { text: readFileSync(abs, 'latin1'), mode: statSync(abs).mode & 0o777 });
    }
  };
  visit(dir);
  return out;
}

/**
 * The codemod's own bookkeeping: temp files beside their targets (`.<name>.flagdebt-<pid>.tmp`)
 * and its write journal. A killed run may leave them; they must never look like source.
 */
export const TEMP_FILE = /(^|\/)\.[^/]*flagdebt[^/]*$/;

/**
 * Classifies a killed run against the untouched and the finished states. Returns the problems
 * (empty when every file is entirely old or entirely new and the registry agrees with the code).
 */
export function judge(killed: Snapshot, before: Snapshot, after: Snapshot, registry: string): { problems: string[]; temps: string[]; newFiles: number } {
  const problems: string[] = [];
  const temps: string[] = [];
  let newFiles = 0;
  let oldChanged = 0;
  for (const [path, state] of killed) {
    if (TEMP_FILE.test(path)) {
      temps.push(path);
      continue;
    }
    const old = before.get(path);
    const done = after.get(path);
    if (!old && !done) problems.push(`${path}: a file that is neither in the old nor in the new state`);
    else if (state.text !== old?.text && state.text !== done?.text) problems.push(`${path}: content is neither the old nor the new text (truncated or mixed)`);
    else if (old && state.mode !== old.mode) problems.push(`${path}: mode ${state.mode.toString(8)}, was ${old.mode.toString(8)}`);
    if (path !== registry && old && old.text !== done?.text) {
      if (state.text === done?.text) newFiles += 1;
      else oldChanged += 1;
    }
  }
  for (const path of before.keys()) {
    if (!after.has(path)) {
      if (killed.has(path)) oldChanged += 1;
      else newFiles += 1;
    }
    if (after.has(path) && !killed.has(path)) problems.push(`${path}: missing although it exists both before and after`);
  }
  const archived = killed.get(registry)?.text === after.get(registry)?.text;
  if (archived && oldChanged > 0) problems.push(`the registry is archived but ${oldChanged} code file(s) are still old`);
  return { problems, temps, newFiles };
}
