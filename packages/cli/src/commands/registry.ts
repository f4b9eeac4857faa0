import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { FlagdebtError, findConfig, formatDiagnostic, loadConfig, validateConfigRegistry, validateRegistry, type Diagnostic, type FlagdebtConfig, type VendorFormat } from '@flagdebt/core';
import { importRegistry, VENDOR_FORMATS } from '@flagdebt/core/importers';
import { writeOutputFile, type CliIO } from '../io.js';
import { parseNow, usageError } from '../values.js';

export async function runRegistryValidate(file: string | undefined, options: { config?: string }, io: CliIO): Promise<number> {
  let diagnostics: Diagnostic[];
  let name: string;
  if (file !== undefined) {
    const registryFile = resolve(io.cwd, file);
    diagnostics = validateRegistry(registryFile);
    name = relative(io.cwd, registryFile) || registryFile;
  } else {
    const config = configFor(options.config, io);
    // A registry in code: its exports' keys, JSDoc tags, the metadata YAML and git dates.
    diagnostics = validateConfigRegistry(config);
    name = config.registryCode.length > 0 ? `registry ${config.registryCode.map((ref) => ref.spec).join(', ')}` : relative(io.cwd, config.registry) || config.registry;
  }
  for (const diagnostic of diagnostics) io.stderr(`${formatDiagnostic(displayPath(diagnostic, io))}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors > 0) {
    io.stderr(`${name}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
    return 2;
  }
  io.stdout(`${name}: valid${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}\n`);
  return 0;
}

function configFor(configOption: string | undefined, io: CliIO): FlagdebtConfig {
  const configFile = configOption !== undefined ? resolve(io.cwd, configOption) : findConfig(io.cwd);
  return loadConfig(configFile, io.cwd);
}

interface ImportOptions {
  from: string;
  environment?: string;
  output?: string;
  force?: boolean;
  now?: string;
}

export async function runRegistryImport(fileArg: string, options: ImportOptions, io: CliIO): Promise<number> {
  if (!(VENDOR_FORMATS as readonly string[]).includes(options.from)) {
    throw usageError('cli/unknown-vendor', `unknown --from "${options.from}"`, `use one of ${VENDOR_FORMATS.join(', ')}`);
  }
  const file = resolve(io.cwd, fileArg);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw usageError('cli/unreadable-file', `cannot read ${fileArg}`, 'check the path of the vendor export');
  }
  const now = parseNow(options.now);
  const result = importRegistry(options.from as VendorFormat, text, { file, environment: options.environment, now });
  for (const note of result.notes) io.stderr(`${formatDiagnostic(note)}\n`);
  if (options.output !== undefined) {
    const target = resolve(io.cwd, options.output);
    if (existsSync(target) && !options.force) {
      throw new FlagdebtError({
        severity: 'error',
        code: 'cli/output-exists',
        file: options.output,
        line: 0,
        column: 0,
        message: 'the output file already exists and would be overwritten',
        fix: 'choose another --output, or pass --force to replace it',
      });
    }
    writeOutputFile(io, options.output, result.yaml);
    io.stderr(`flagdebt: imported ${plural(result.flags.length, 'flag')} from ${options.from} into ${options.output}\n`);
  } else {
    io.stdout(result.yaml);
  }
  return 0;
}

function displayPath(diagnostic: Diagnostic, io: CliIO): Diagnostic {
  const rel = relative(io.cwd, diagnostic.file);
  return rel && !rel.startsWith('..') ? { ...diagnostic, file: rel } : diagnostic;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
