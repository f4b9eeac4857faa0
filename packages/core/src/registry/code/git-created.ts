/**
 * `created` for code registry keys that say nothing: the day of the commit that introduced the
 * key into its registry module. One `git log -p` per module (not one `git log -S` per key): the
 * oldest commit whose added lines spell the key. Kept in the model cache by the module's text
 * (history only grows, so the same text gives the same dates; a key not committed yet gets the
 * day it was first seen).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { cachedAnalysis, type ModelCodec } from '../../cache/model-cache.js';
import { todayIso } from '../../policy/dates.js';

export type CreatedDates = { dates: Record<string, string> } | { problem: string };

const CODEC: ModelCodec<CreatedDates> = {
  storable: (result) => 'dates' in result,
  encode: (result) => result,
  decode: (stored) => stored as CreatedDates,
};

/** Per-process: a lint run asks for every file it lints. */
const memo = new Map<string, CreatedDates>();

/** The introduction date of each key in `file` (whose text is `text`), or why there is none. */
export function createdDates(file: string, text: string, keys: readonly string[]): CreatedDates {
  const sorted = [...new Set(keys)].sort();
  const memoKey = `${file}\0${text}\0${sorted.join('\0')}`;
  let result = memo.get(memoKey);
  if (!result) {
    result = cachedAnalysis('git-created', file, `${text}\0${sorted.join('\0')}`, CODEC, () => fromGit(file, sorted));
    memo.set(memoKey, result);
  }
  return result;
}

/** Per process and module: the commits that touched it, newest first (history reads many versions of one module). */
const logs = new Map<string, Array<{ date: string; added: string }> | { problem: string }>();

function commitsOf(file: string): Array<{ date: string; added: string }> | { problem: string } {
  const known = logs.get(file);
  if (known) return known;
  let log: string;
  try {
    // Newest first; `--follow` keeps the history of a module that was moved.
    log = execFileSync('git', ['log', '--follow', '--no-color', '--no-ext-diff', '--format=%x00%as', '-p', '-U0', '--', path.basename(file)], {
      cwd: path.dirname(file), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message);
    const problem = { problem: /not a git repository/i.test(stderr) ? 'not a git repository' : `git log failed: ${stderr.split('\n')[0]}` };
    logs.set(file, problem);
    return problem;
  }
  const commits: Array<{ date: string; added: string }> = [];
  for (const commit of log.split('\0')) {
    const date = commit.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    const added = commit.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++')).join('\n');
    if (added !== '') commits.push({ date, added });
  }
  logs.set(file, commits);
  return commits;
}

function fromGit(file: string, keys: readonly string[]): CreatedDates {
  const commits = commitsOf(file);
  if ('problem' in commits) return commits;
  const dates: Record<string, string> = {};
  // Newest first: every older commit that adds the key moves its date back.
  for (const { date, added } of commits) for (const key of keys) if (spells(added, key)) dates[key] = date;
  const today = todayIso();
  for (const key of keys) dates[key] ??= today;
  return { dates };
}

/** Whether `text` holds `key` as a whole word (not inside a longer name). */
function spells(text: string, key: string): boolean {
  let at = text.indexOf(key);
  while (at >= 0) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + key.length] ?? '';
    if (!/[\w$-]/.test(before) && !/[\w$-]/.test(after)) return true;
    at = text.indexOf(key, at + 1);
  }
  return false;
}
