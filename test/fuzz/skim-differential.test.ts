/**
 * Skimming (core `skimFunctions`, used by the scanner and the ESLint plugin) must never change
 * what is found. On generated projects (helpers, wrappers, components, every key style), the
 * scanner's procedure with skimming (discover wrappers, re-parse what names a new one, seal)
 * must give exactly the reads and declarations of full parses.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject, type SourceHost } from '@flagdebt/core';
import { generateProgram, generateWorld } from './generator.mjs';
import { programSeed } from './prng.mjs';
import { flagKey } from './printer.mjs';
import { projectFiles } from './project.mjs';
import { testCount } from '../scale.js';

const SEED = 20261121;
// 8 projects in `npm test`, 30 in `npm run test:long`; `SKIM_FUZZ_PROJECTS=500` for a longer run.
const PROJECTS = testCount(8, 30, process.env.SKIM_FUZZ_PROJECTS);
const PROGRAMS_PER_PROJECT = 8;
const ROOT = path.resolve('/skim-fuzz');
const ACCESSORS = [
  { call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 },
  { call: 'flags.getVariant', keyArg: 0, defaultArg: 1 },
  { call: 'useFlag', keyArg: 0 },
  { member: 'config.featureToggles' },
];

function index(project: FlagProject, files: string[]) {
  // A fixed point within a few rounds: wrapper chains here are at most two deep.
  for (let round = 0, names = ''; ; round++) {
    if (round > 10) throw new Error('wrapper discovery and re-skimming did not settle');
    project.discoverWrappers(files);
    const now = project.wrappers().map((w) => `${w.file}:${w.name}`).sort().join();
    if ((project.reskim?.() ?? []).length === 0 && now === names) break;
    names = now;
  }
  project.sealWrappers();
  const reads = files.map((f) => project.readsIn(f).map((r) => [r.key, r.kind, r.via, r.line, r.column, r.inWrapper ?? false]));
  const declarations = files.map((f) => project.declarationsIn(f).map((d) => [d.key, d.declKind, d.line, d.column]));
  return { reads, declarations };
}

describe('skimming on generated projects', () => {
  it(`finds what full parsing finds (${PROJECTS} projects of ${PROGRAMS_PER_PROJECT} programs, seed ${SEED})`, () => {
    let skimmedFiles = 0;
    let reads = 0;
    for (let p = 0; p < PROJECTS; p++) {
      const world = generateWorld(programSeed(SEED, p));
      const programs = Array.from({ length: PROGRAMS_PER_PROJECT }, (_, i) => generateProgram(programSeed(SEED + p + 1, i), { variant: world.target === 'variant' }));
      const texts = new Map(Object.entries(projectFiles(world, programs)).map(([rel, text]) => [path.join(ROOT, rel), text]));
      const host: SourceHost = { readFile: (f) => texts.get(f), fileExists: (f) => texts.has(f) };
      const sources = [...texts.keys()].filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
      const keys = ['target', 'alpha', 'beta'].map((flag) => flagKey(world, flag));

      const full = index(new FlagProject({ root: ROOT, accessors: ACCESSORS, host, tsconfig: false }), sources);
      const project = new FlagProject({ root: ROOT, accessors: ACCESSORS, host, tsconfig: false, skim: { keys } });
      const skimmed = index(project, sources);
      expect(skimmed, `project ${p}`).toEqual(full);

      skimmedFiles += sources.filter((f) => project.sourceFile(f).text !== texts.get(f)).length;
      reads += full.reads.flat().length;
    }
    // The comparison means something only if skimming happened and there were reads to find.
    if (process.env.SKIM_FUZZ_PROJECTS) console.log({ skimmedFiles, reads });
    expect(skimmedFiles).toBeGreaterThan(PROJECTS);
    expect(reads).toBeGreaterThan(PROJECTS * PROGRAMS_PER_PROJECT);
  });
});
