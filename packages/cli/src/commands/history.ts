import { resolve } from 'node:path';
import { todayIso } from '@flagdebt/core';
import { history, renderHistory } from '@flagdebt/scanner';
import { Progress, writeOutputFile, type CliIO } from '../io.js';
import { parseNow, usageError } from '../values.js';
import { existingDirectory } from './scan.js';



interface HistoryOptions {
  since?: string;
  every?: string;
  format: string;
  output?: string;
  now?: string;
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
  const progress = new Progress(io, 'flagdebt: history');
  const result = await history({ dir, since, every, now, onProgress: (done, total) => progress.update(done, total) });
  progress.done();
  const output = renderHistory(result, options.format);
  if (options.output !== undefined) {
    writeOutputFile(io, options.output, output);
    io.stderr(`flagdebt: wrote ${result.points.length} history points to ${options.output}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}
