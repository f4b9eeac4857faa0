import { resolve } from 'node:path';
import { formatDiagnostic, todayIso, type FlagValue } from '@flagdebt/core';
import { removeFlags, type RemainingMention, type RemovalResult } from '@flagdebt/codemod';
import type { CliIO } from '../io.js';
import { parseFlagValue, parseNow, usageError } from '../values.js';
import { existingDirectory } from './scan.js';
import { plural } from './registry.js';

interface RemoveOptions {
  value?: string;
  dir: string;
  dryRun?: boolean;
  check?: boolean;
  allowDirty?: boolean;
  verify?: boolean;
  format?: boolean;
  now?: string;
  config?: string;
  mentions?: string;
}

/** Mentions listed when --mentions says nothing: a real monorepo's docs can name a key thousands of times. */
const DEFAULT_MENTIONS = 20;

export async function runRemove(args: string[], options: RemoveOptions, io: CliIO): Promise<number> {
  const dir = existingDirectory(resolve(io.cwd, options.dir));
  const now = parseNow(options.now) ?? todayIso();
  const shared = options.value !== undefined ? parseFlagValue(options.value) : undefined;
  const flags = args.map((arg) => parseFlagArgument(arg, shared));
  const mentionLimit = parseMentions(options.mentions);
  const result = await removeFlags({
    dir,
    flags,
    now,
    dryRun: options.dryRun === true,
    check: options.check === true,
    allowDirty: options.allowDirty === true,
    verify: options.verify !== false,
    format: options.format !== false,
    config: options.config ? resolve(io.cwd, options.config) : undefined,
  });

  for (const warning of result.warnings) io.stderr(`${formatDiagnostic(warning)}\n`);
  if (options.check) {
    io.stdout(summary(result, 'would change', mentionLimit));
    return result.wouldChange ? 1 : 0;
  }
  if (options.dryRun) {
    io.stdout(result.diff);
    io.stderr(summary(result, 'would change', mentionLimit));
    // The same verdict as a real run: a removal that adds type errors would be refused.
    if (result.verify && result.verify.newErrors.length > 0) {
      io.stderr('flagdebt remove: this removal would be refused (it adds type errors); rerun with --no-verify to write it anyway\n');
      return 2;
    }
    return 0;
  }
  io.stdout(summary(result, 'changed', mentionLimit));
  return 0;
}

/** `key` or `key=value`; a per-flag value wins over --value. */
function parseFlagArgument(arg: string, shared: FlagValue | undefined): { key: string; value?: FlagValue } {
  const eq = arg.indexOf('=');
  if (eq === 0) throw usageError('cli/invalid-flag', `"${arg}" has no flag key before "="`, 'write key=value, e.g. new-checkout=true');
  if (eq < 0) return shared === undefined ? { key: arg } : { key: arg, value: shared };
  return { key: arg.slice(0, eq), value: parseFlagValue(arg.slice(eq + 1)) };
}

/** `--mentions`: a count, or `all`. */
function parseMentions(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MENTIONS;
  if (value === 'all') return Infinity;
  if (/^\d+$/.test(value)) return Number(value);
  throw usageError('cli/invalid-mentions', `--mentions "${value}" is not a number or "all"`, 'write a count (--mentions 50) or --mentions all');
}

const KIND_ORDER: Record<RemainingMention['kind'], number> = { code: 0, string: 1, comment: 2, 'non-ts': 3 };
const KIND_NAMES: Record<RemainingMention['kind'], string> = { code: 'in code', string: 'in strings', comment: 'in comments', 'non-ts': 'in other files' };

/** The first `limit` mentions, code first (what most likely still needs the flag), then a count of the rest by kind. */
function mentionLines(remaining: RemainingMention[], limit: number): string[] {
  const sorted = [...remaining].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const lines = sorted.slice(0, limit).map((m) => `    ${m.file}:${m.line}:${m.column}  ${m.kind}  ${m.text}`);
  const rest = sorted.slice(limit);
  if (rest.length === 0) return lines;
  const byKind = new Map<RemainingMention['kind'], number>();
  for (const m of rest) byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([kind, n]) => `${n} ${KIND_NAMES[kind]}`).join(', ');
  lines.push(`    … and ${rest.length} more in ${plural(new Set(rest.map((m) => m.file)).size, 'file')} (${kinds}); --mentions all lists every one`);
  return lines;
}

function summary(result: RemovalResult, verb: string, mentionLimit: number): string {
  const s = result.stats;
  const lines = [
    `flagdebt remove: ${verb} ${plural(s.filesChanged, 'file')}, removed ${plural(s.linesRemoved, 'line')}, ` +
      `deleted ${plural(s.declarationsDeleted, 'declaration')} and ${plural(s.filesDeleted, 'file')}`,
  ];
  for (const flag of result.flags) lines.push(`  ${flag.key} = ${JSON.stringify(flag.value)}: ${plural(flag.evaluations, 'evaluation')} folded`);
  if (result.registry) lines.push(`  registry: ${result.registry.relative} (archived ${result.flags.map((f) => f.key).join(', ')})`);
  for (const file of result.deleted) lines.push(`  deleted: ${file.relative}`);
  if (result.remaining.length > 0) {
    lines.push('  still mentioned (review by hand):');
    lines.push(...mentionLines(result.remaining, mentionLimit));
  }
  if (result.verify) {
    const v = result.verify;
    lines.push(`  type-check (${v.tsconfig}, ${plural(v.filesChecked, 'file')}): ${v.errorsBefore} errors before, ${v.errorsAfter} after`);
    for (const error of v.newErrors) lines.push(`    new: ${error.split('\n')[0]}`);
  }
  return `${lines.join('\n')}\n`;
}
