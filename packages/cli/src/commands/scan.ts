import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FlagdebtError, formatDiagnostic, loadProjectModel, todayIso } from '@flagdebt/core';
import {
  baselineFilter,
  changedFiles,
  createBaseline,
  findingsOf,
  history,
  narrowToFiles,
  overBudget,
  parseBaseline,
  renderScan,
  scan,
  serializeBaseline,
  sourceLineReader,
  suppressFindings,
  type GroupBy,
  type ScanResult,
} from '@flagdebt/scanner';
import type { ScanHost } from '@flagdebt/core/files';
import { Progress, useColor, writeOutputFile, type CliIO } from '../io.js';
import { parseNow, usageError } from '../values.js';

interface ScanOptions {
  format: string;
  output?: string;
  now?: string;
  config?: string;
  history?: boolean;
  groupBy?: GroupBy;
  changedSince?: string;
  baseline?: string;
  writeBaseline?: string;
}

/** Formats a person reads: they show each reference's code line. */
const READABLE = new Set(['text', 'markdown']);

/** `host`: how the project is read (default: from disk, in this thread). */
export async function runScan(dirArg: string, options: ScanOptions, io: CliIO, host?: ScanHost): Promise<number> {
  const dir = existingDirectory(resolve(io.cwd, dirArg));
  const now = parseNow(options.now) ?? todayIso();
  const model = loadProjectModel(dir, { config: options.config ? resolve(io.cwd, options.config) : undefined });
  for (const warning of model.warnings) io.stderr(`${formatDiagnostic(warning)}\n`);
  if (options.groupBy !== undefined && !READABLE.has(options.format)) {
    io.stderr(`flagdebt: note: --group-by applies to the text and markdown formats; ${options.format} lists findings as it always does\n`);
  }
  // Read before scanning: a missing baseline should not cost a whole scan to report.
  const baseline = options.baseline === undefined ? undefined : readBaseline(io, options.baseline);

  const progress = new Progress(io, 'flagdebt: scanning');
  let result = await scan({
    dir,
    now,
    config: model.config,
    registry: model.registry,
    host,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.done();
  checkSomethingScanned(result, model.config.include, dir, io);

  if (options.writeBaseline !== undefined) {
    writeOutputFile(io, options.writeBaseline, serializeBaseline(createBaseline(result)), '--write-baseline');
    io.stderr(`flagdebt: wrote a baseline of ${findingCount(result)} to ${options.writeBaseline}; commit it and pass --baseline ${options.writeBaseline}\n`);
    return 0;
  }
  if (options.changedSince !== undefined) result = narrowToFiles(result, changedFiles(dir, options.changedSince));
  if (baseline !== undefined) result = suppressFindings(result, baselineFilter(baseline));

  const trend = options.history ? await history({ dir, now, config: options.config }) : undefined;
  const color = options.output === undefined && useColor(io, io.stdoutIsTTY);
  const report = renderScan(result, options.format, {
    color,
    history: trend,
    budget: model.config.budget,
    groupBy: options.groupBy,
    sourceLines: READABLE.has(options.format) ? sourceLineReader(dir) : undefined,
  });
  if (options.output !== undefined) {
    writeOutputFile(io, options.output, report);
    io.stderr(`flagdebt: wrote ${options.format} report to ${options.output}\n`);
  } else {
    io.stdout(report);
  }

  const exceeded = overBudget(result, model.config.budget);
  for (const message of exceeded) io.stderr(`flagdebt: budget exceeded: ${message}\n`);
  return exceeded.length > 0 ? 1 : 0;
}

/**
 * An `include` glob that matches nothing is a warning; a scan of no file at all would report
 * every flag unused and pass, so it is an error.
 */
function checkSomethingScanned(result: ScanResult, include: string[], dir: string, io: CliIO): void {
  const unmatched = result.problems.filter((p) => p.severity === 'warning' && p.message.startsWith('include glob '));
  for (const p of unmatched) io.stderr(`${p.file}: warning: ${p.message}\n`);
  if (result.summary.files > 0) return;
  throw new FlagdebtError({
    severity: 'error',
    code: 'scan/no-files',
    file: unmatched[0]?.file ?? dir,
    line: 0,
    column: 0,
    message: `no file to scan in ${dir}: include ${JSON.stringify(include)} matched nothing`,
    fix: 'fix `include` in the config (globs are relative to the config file\'s folder), or scan the project\'s folder',
  });
}

function readBaseline(io: CliIO, file: string) {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(
      'cli/no-baseline',
      `cannot read --baseline ${file}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`,
      `write one first with \`flagdebt scan --write-baseline ${file}\``,
    );
  }
  return parseBaseline(text, path);
}

function findingCount(result: ScanResult): string {
  const n = findingsOf(result).length;
  return `${n} ${n === 1 ? 'finding' : 'findings'}`;
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
