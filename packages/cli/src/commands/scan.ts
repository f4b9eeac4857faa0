import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDiagnostic, loadProjectModel, todayIso } from '@flagdebt/core';
import { history, overBudget, renderScan, scan } from '@flagdebt/scanner';
import { Progress, useColor, writeFileAtomic, type CliIO } from '../io.js';
import { parseNow, usageError } from '../values.js';



interface ScanOptions {
  format: string;
  output?: string;
  now?: string;
  config?: string;
  history?: boolean;
}

export async function runScan(dirArg: string, options: ScanOptions, io: CliIO): Promise<number> {
  const dir = existingDirectory(resolve(io.cwd, dirArg));
  const now = parseNow(options.now) ?? todayIso();
  const model = loadProjectModel(dir, { config: options.config ? resolve(io.cwd, options.config) : undefined });
  for (const warning of model.warnings) io.stderr(`${formatDiagnostic(warning)}\n`);

  const progress = new Progress(io, 'flagdebt: scanning');
  const result = await scan({
    dir,
    now,
    config: model.config,
    registry: model.registry,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.done();

  const trend = options.history ? await history({ dir, now, config: options.config }) : undefined;
  const color = options.output === undefined && useColor(io, io.stdoutIsTTY);
  const report = renderScan(result, options.format, { color, history: trend, budget: model.config.budget });
  if (options.output !== undefined) {
    const target = resolve(io.cwd, options.output);
    writeFileAtomic(target, report);
    io.stderr(`flagdebt: wrote ${options.format} report to ${options.output}\n`);
  } else {
    io.stdout(report);
  }

  const exceeded = overBudget(result, model.config.budget);
  for (const message of exceeded) io.stderr(`flagdebt: budget exceeded: ${message}\n`);
  return exceeded.length > 0 ? 1 : 0;
}

export function existingDirectory(path: string): string {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw usageError('cli/no-such-directory', `no such directory: ${path}`, 'pass an existing project directory');
  }
  if (!isDirectory) throw usageError('cli/not-a-directory', `not a directory: ${path}`, 'pass the project directory, not a file');
  return path;
}
