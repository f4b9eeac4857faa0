import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { CliIO } from './process-io.js';
import { VERSION } from './version.js';

// Commands load on demand: `scan` must not pay for the codemod's ts-morph (a second TypeScript),
// and `--version` or `--help` not for core (which loads TypeScript).
const SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown', 'csv', 'openmetrics', 'html'];
const HISTORY_FORMATS = ['json', 'csv', 'html'];

/** Exit codes of ARCHITECTURE.md; 3 is reserved for bugs in flagdebt itself. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. Never throws. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return await reportError(error, io, debug);
  }
}

async function reportError(error: unknown, io: CliIO, debug: boolean): Promise<number> {
  if (error instanceof CommanderError) {
    // --help and --version arrive here too, as successful exits.
    if (error.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  // Loaded already by whatever threw, unless that was commander.
  const { formatDiagnostic, isFlagdebtError } = await import('@flagdebt/core');
  if (isFlagdebtError(error)) {
    for (const diagnostic of error.diagnostics) io.stderr(`${formatDiagnostic(diagnostic)}\n`);
    if (debug && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`flagdebt: internal error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr('  This is a bug in flagdebt. Re-run with --debug for the stack trace and report it.\n');
  return EXIT.internal;
}

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('flagdebt')
    .description('Find, report and remove feature-flag debt in TypeScript codebases.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('scan')
    .description('index every flag reference and reconcile it with the registry')
    .argument('[dir]', 'directory to scan', '.')
    .addOption(new Option('-f, --format <format>', 'report format').choices(SCAN_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--now <date>', 'fix "today" (YYYY-MM-DD) for reproducible reports')
    .option('-c, --config <file>', 'use this flagdebt.config file instead of searching for one')
    .option('--history', 'include the flag-count trend over git history (html format)')
    .addOption(new Option('--group-by <what>', 'list findings under each flag or each owner (text, markdown)').choices(['flag', 'owner']))
    .option('--changed-since <git-ref>', 'PR mode: only findings in files changed since the merge base with this ref')
    .option('--baseline <file>', 'do not count the findings recorded in this baseline file')
    .option('--write-baseline <file>', 'record the current findings as a baseline file and exit 0')
    .action(async (dir: string, options) => {
      // With FLAGDEBT_PREFETCH=1, walking and reading the project start in a second thread
      // before the scan's modules (and TypeScript) load: see core's files/prefetch.ts. Only
      // then is core/files imported this early: loading it ahead of the scan's other modules
      // cost every scan ~20 ms of CPU.
      const host =
        io.env.FLAGDEBT_PREFETCH === '1' ? (await import('@flagdebt/core/files')).prefetchingScanHost(resolve(io.cwd, dir)) : undefined;
      setExit(await (await import('./commands/scan.js')).runScan(dir, options, io, host));
    });

  program
    .command('remove')
    .description('collapse finished flags to their value and delete the code they leave dead')
    .argument('<flag...>', 'flag keys to remove (key or key=value)')
    .option('--value <value>', 'the value to keep (true, false, a number or a string); default: the registry value of a complete flag')
    .option('-d, --dir <dir>', 'project directory', '.')
    .option('--dry-run', 'print a unified diff and write nothing')
    .option('--check', 'exit 1 when there is work to do (for CI); writes nothing')
    .option('--allow-dirty', 'edit files that have uncommitted git changes')
    .option('--no-verify', 'skip the type-check gate (by default a removal that adds a type error is refused)')
    .option('--no-format', "do not run the project's own Prettier or Biome on the rewritten files")
    .option('--now <date>', 'the date recorded as `since` in the registry (YYYY-MM-DD)')
    .option('--mentions <count>', 'how many places that still mention a key to list (a count or "all")', '20')
    .option('-c, --config <file>', 'use this flagdebt.config file')
    .action(async (flags: string[], options) => setExit(await (await import('./commands/remove.js')).runRemove(flags, options, io)));

  program
    .command('history')
    .description('flag debt over the first-parent git history')
    .argument('[dir]', 'directory inside a git repository', '.')
    .option('--since <date>', 'only commits on or after this date (YYYY-MM-DD)')
    .option('--every <n>', 'sample every Nth commit instead of one per week')
    .addOption(new Option('-f, --format <format>', 'output format').choices(HISTORY_FORMATS).default('json'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--now <date>', 'fix "today" (YYYY-MM-DD)')
    .option('-c, --config <file>', 'use this flagdebt.config file (each commit\'s own version when it has one)')
    .action(async (dir: string, options) => setExit(await (await import('./commands/history.js')).runHistory(dir, options, io)));

  const registry = program.command('registry').description('validate or import the flag registry');
  registry
    .command('validate')
    .description('check the registry and report every problem with its location')
    .argument('[file]', 'registry file (default: the one the config names, or its registry in code)')
    .option('-c, --config <file>', 'use this flagdebt.config file')
    .action(async (file: string | undefined, options) =>
      setExit(await (await import('./commands/registry.js')).runRegistryValidate(file, options, io)),
    );
  registry
    .command('import')
    .description('convert a vendor export into a flagdebt registry')
    .requiredOption('--from <vendor>', 'launchdarkly | unleash | flipt | flagd | openfeature | growthbook | posthog')
    .argument('<file>', 'the vendor export')
    .option('-e, --environment <name>', 'environment whose rollout decides "complete"')
    .option('-o, --output <file>', 'write the registry here instead of stdout')
    .option('--force', 'overwrite --output if it exists')
    .option('--now <date>', 'fix "today" (YYYY-MM-DD)')
    .action(async (file: string, options) => setExit(await (await import('./commands/registry.js')).runRegistryImport(file, options, io)));

  program
    .command('init')
    .description('detect flag SDK calls and write a starter config and registry')
    .argument('[dir]', 'project directory', '.')
    .option('--force', 'overwrite an existing config or registry')
    .option('--dry-run', 'print the config and registry init would write, and write nothing')
    .option('--now <date>', 'creation date for the starter registry (YYYY-MM-DD)')
    .action(async (dir: string, options) => setExit(await (await import('./commands/init.js')).runInit(dir, options, io)));

  for (const command of program.commands) configureSubcommand(command, io);
  return program;
}

function configureSubcommand(command: Command, io: CliIO): void {
  command.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  command.showHelpAfterError('(run with --help for usage)');
  for (const sub of command.commands) configureSubcommand(sub, io);
}
