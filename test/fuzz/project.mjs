/**
 * Lays out generated programs as a small flagdebt project: config, registry, the flag client,
 * key declarations (const, enum, `as const` object), wrapper hooks, the side-effect recorder,
 * and one src/p<i>.ts(x) per program. Every program of a project shares the same support files,
 * so one codemod run covers many programs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { OTHER_FLAGS, TARGET } from './generator.mjs';
import { constName, flagKey, hookName, printProgram, usesJsx } from './printer.mjs';

const ALL_FLAGS = [TARGET, ...OTHER_FLAGS];
const capital = (s) => s[0].toUpperCase() + s.slice(1);

/** A program is generator IR, or `{ source, tsx }` for a stored regression case. */
export function programPath(index, program) {
  const tsx = program.source !== undefined ? program.tsx : usesJsx(program);
  return `src/p${index}.${tsx ? 'tsx' : 'ts'}`;
}

export function programText(program, world) {
  return program.source !== undefined ? program.source : printProgram(program, world);
}

/** Every file of the project, relative path -> text. */
export function projectFiles(world, programs) {
  const files = { ...supportFiles(world) };
  programs.forEach((program, i) => {
    files[programPath(i, program)] = programText(program, world);
  });
  return files;
}

/** The files every generated program imports from; `world.keyStyle` decides key spelling. */
export function supportFiles(world) {
  const key = (flag) => flagKey(world, flag);
  const config = {
    registry: 'flags.yaml',
    include: ['src/**/*.{ts,tsx}'],
    accessors: [
      { call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 },
      { call: 'flags.getVariant', keyArg: 0, defaultArg: 1 },
      { call: 'useFlag', keyArg: 0 },
      { member: 'config.featureToggles' },
    ],
  };
  const registry = [
    '# Flags of the generated program; the fuzzer removes the target flag.',
    'flags:',
    ...ALL_FLAGS.flatMap((flag) => {
      const variant = flag === TARGET && world.target === 'variant';
      return [
        `  ${key(flag)}:`,
        `    type: ${variant ? 'experiment' : 'release'}`,
        '    owner: fuzz',
        `    description: Generated flag ${flag}`,
        '    created: 2026-09-01',
        '    expires: 2026-12-31',
        '    state: active',
        `    default: ${variant ? 'control' : 'false'}`,
      ];
    }),
    '',
  ].join('\n');
  return {
    'flagdebt.config.json': `${JSON.stringify(config, null, 2)}\n`,
    'flags.yaml': registry,
    'tsconfig.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, noEmit: true }, include: ['src'] }, null, 2)}\n`,
    'src/env.d.ts': [
      '/** Installed by the fuzzer: the flag service stub and the side-effect log. */',
      'declare const __fuzz: { flag<T>(key: string, fallback: T): T; effect(label: string): void };',
      '',
    ].join('\n'),
    'src/effects.ts': [
      '/** Side effects whose order the differential test compares. */',
      'export function track(label: string): void {',
      '  __fuzz.effect(label);',
      '}',
      '',
      'export function touch<T>(label: string, value: T): T {',
      '  __fuzz.effect(label);',
      '  return value;',
      '}',
      '',
    ].join('\n'),
    'src/flags/client.ts': [
      'export const flags = {',
      '  isEnabled(key: string, fallback = false): boolean {',
      '    return __fuzz.flag(key, fallback);',
      '  },',
      "  getVariant(key: string, fallback = 'control'): string {",
      '    return __fuzz.flag(key, fallback);',
      '  },',
      '};',
      '',
      'export function useFlag(key: string): boolean {',
      '  return __fuzz.flag(key, false);',
      '}',
      '',
      'export const config = {',
      '  featureToggles: new Proxy({} as Record<string, boolean>, { get: (_target, key) => __fuzz.flag(String(key), false) }),',
      '};',
      '',
    ].join('\n'),
    'src/flags/keys.ts': [
      ...ALL_FLAGS.map((flag) => `export const ${constName(flag)} = '${key(flag)}';`),
      '',
      'export enum Flag {',
      ...ALL_FLAGS.map((flag) => `  ${capital(flag)} = '${key(flag)}',`),
      '}',
      '',
      'export const FLAGS = {',
      ...ALL_FLAGS.map((flag) => `  ${flag}: '${key(flag)}',`),
      '} as const;',
      '',
    ].join('\n'),
    'src/flags/hooks.ts': [
      "import { flags, useFlag } from './client';",
      "import { Flag } from './keys';",
      '',
      `export function ${hookName(TARGET)}(): boolean {`,
      `  return useFlag('${key(TARGET)}');`,
      '}',
      '',
      `export const ${hookName(OTHER_FLAGS[0])} = () => flags.isEnabled(Flag.${capital(OTHER_FLAGS[0])});`,
      '',
      `export function ${hookName(OTHER_FLAGS[1])}() {`,
      `  return useFlag('${key(OTHER_FLAGS[1])}');`,
      '}',
      '',
    ].join('\n'),
  };
}

export function writeProject(files, dir = mkdtempSync(join(tmpdir(), 'flagdebt-fuzz-'))) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
