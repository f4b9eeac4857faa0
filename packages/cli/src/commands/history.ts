import { resolve } from 'node:path';
import { todayIso } from '@flagdebt/core';
import { history, renderHistory, type HistoryResult, type SkippedCommit } from '@flagdebt/scanner';
import { Progress, writeOutputFile, type CliIO } from '../io.js';
import { parseNow, usageError } from '../values.js';
import { existingDirectory } from './scan.js';

interface HistoryOptions {
  since?: string;
  every?: string;
  format: string;
  output?: string;
  now?: string;
  config?: string;
}

export async function runHistory(dirArg: string, options: HistoryOptions, io: CliIO): Promise<number> {
  const dir = existingDirectory(resolve(io.cwd, dirArg));
  const since = parseNow(options.since, '--since');
  const now = parseNow(options.now) ?? todayIso();
  let every: number | undefined;
  if (options.every !== undefined) {
    every = Number(options.every);
    if (!Number.isInteger(every) || every < 1) {
      throw usageError('cli/invalid-every', `--every ${options.every} is not a positive whole number`, 'pass e.g. --every 10 to sample every 10th commit');
    }
  }
  const config = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  const progress = new Progress(io, 'flagdebt: history');
  const result = await history({ dir, since, every, now, config, onProgress: (done, total) => progress.update(done, total) });
  progress.done();
  reportSkipped(result, io);
  if (result.points.length === 0) throw noPoint(result, since, now);
  const output = renderHistory(result, options.format);
  if (options.output !== undefined) {
    writeOutputFile(io, options.output, output);
    io.stderr(`flagdebt: wrote ${result.points.length} history points to ${options.output}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}

/** One line per skipped commit, then each distinct fix once: a trend with gaps says why. */
function reportSkipped(result: HistoryResult, io: CliIO): void {
  const skipped = result.skipped ?? [];
  if (skipped.length === 0) return;
  const sampled = result.sampled ?? result.points.length + skipped.length;
  const lines = [`flagdebt: history: ${skipped.length} of ${sampled} sampled commits skipped (no point):`];
  for (const entry of skipped) lines.push(`  ${entry.commit.slice(0, 10)} ${entry.date.slice(0, 10)}  ${entry.reason}: ${entry.message}`);
  for (const fix of new Set(skipped.flatMap((entry) => (entry.fix ? [entry.fix] : [])))) lines.push(`  fix: ${fix}`);
  io.stderr(`${lines.join('\n')}\n`);
}

function noPoint(result: HistoryResult, since: string | undefined, now: string) {
  const skipped: SkippedCommit[] = result.skipped ?? [];
  if (skipped.length === 0) {
    const range = since === undefined ? `up to ${now}` : `from ${since} to ${now}`;
    return usageError('history/no-commits', `no commit of the current branch is dated ${range}`, 'pass an earlier --since (or a later --now), or run history on a branch with commits');
  }
  const fixes = [...new Set(skipped.flatMap((entry) => (entry.fix ? [entry.fix] : [])))];
  return usageError(
    'history/no-points',
    `none of the ${skipped.length} sampled commits could be scanned (see the reasons above)`,
    fixes.length === 1 ? fixes[0] : 'fix the config or registry named above, or start later with --since',
  );
}
