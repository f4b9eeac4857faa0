/**
 * The differential check: remove the target flag (kept ON, then kept OFF), run the original
 * with the flag stubbed to the kept value and the result on every input combination, and
 * report every program whose return values or side effects differ, whose output does not
 * parse, or for which the removal crashed.
 */
import { OTHER_FLAGS, PARAMS, TARGET, valuesFor } from './generator.mjs';
import { UnparsableOutput, firstDifference, observe, parses } from './executor.mjs';
import { flagKey } from './printer.mjs';
import { programPath, projectFiles, writeProject } from './project.mjs';

/**
 * A remover turns a project into the project after removing `key` with `value`:
 * `({ dir, files, key, value, world, programs }) => Promise<Record<string, string>>`, the full
 * file map afterwards (deleted files absent).
 */

/** Exported functions of a program, as the executor calls them. */
export function exportsOf(program) {
  if (program.source !== undefined) {
    return [...program.source.matchAll(/^export (?:function|const) (\w+)/gm)].map(([, name]) => ({ name, component: /^[A-Z]/.test(name) }));
  }
  return program.functions.filter((f) => f.kind !== 'helper').map((f) => ({ name: f.name, component: f.kind === 'component' }));
}

/**
 * Checks a batch of programs sharing one project. A crash or an unparsable support file is
 * attributed by re-checking each program alone.
 */
export async function checkBatch({ world, programs, remover, values = valuesFor(world), idempotence = null }) {
  const failures = [];
  const files = projectFiles(world, programs);
  const project = writeProject(files);
  try {
    for (const value of values) {
      const outcome = await removeSafely(remover, { dir: project.dir, files, key: flagKey(world, TARGET), value, world, programs });
      const batchLevel = outcome.error ?? unparsableSupportFile(outcome.after, programs);
      if (batchLevel && programs.length > 1) {
        for (const program of programs) failures.push(...(await checkBatch({ world, programs: [program], remover, values: [value] })));
        continue;
      }
      if (batchLevel) {
        failures.push(failure(world, programs[0], value, batchLevel.kind, batchLevel.detail, files, outcome.after));
        continue;
      }
      programs.forEach((program, i) => {
        const problem = compareProgram(world, program, i, value, files, outcome.after);
        if (problem) failures.push(failure(world, program, value, problem.kind, problem.detail, files, outcome.after, i));
      });
      if (idempotence && failures.length === 0) {
        const again = await idempotence({ files: outcome.after, key: flagKey(world, TARGET), value });
        if (again) failures.push(failure(world, programs[0], value, 'not-idempotent', again, files, outcome.after));
      }
    }
  } finally {
    project.cleanup();
  }
  return failures;
}

async function removeSafely(remover, request) {
  try {
    return { after: await remover(request) };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}` : String(error);
    return { error: { kind: 'crash', detail } };
  }
}

function unparsableSupportFile(after, programs) {
  const own = new Set(programs.map((p, i) => programPath(i, p)));
  for (const [file, text] of Object.entries(after)) {
    if (own.has(file) || !/\.tsx?$/.test(file)) continue;
    if (!parses(file, text)) return { kind: 'unparsable', detail: `${file} does not parse after the removal` };
  }
  return null;
}

function compareProgram(world, program, index, value, before, after) {
  const file = programPath(index, program);
  if (!Object.hasOwn(after, file)) return { kind: 'deleted', detail: `${file} was deleted although it exports functions` };
  if (!parses(file, after[file])) return { kind: 'unparsable', detail: `${file} does not parse after the removal` };
  const spec = { targetKey: flagKey(world, TARGET), value, otherKeys: OTHER_FLAGS.map((f) => flagKey(world, f)), params: PARAMS };
  try {
    const expected = observe(before, file, exportsOf(program), spec);
    const actual = observe(after, file, exportsOf(program), spec);
    const diff = firstDifference(expected, actual);
    return diff ? { kind: diff.what.startsWith('the removed flag') ? 'leftover-read' : 'mismatch', detail: `${diff.call}: ${diff.what}` } : null;
  } catch (error) {
    if (error instanceof UnparsableOutput) return { kind: 'unparsable', detail: error.message };
    throw error;
  }
}

function failure(world, program, value, kind, detail, before, after, index = 0) {
  const file = programPath(index, program);
  return { world, program, value, kind, detail, file, before: before[file], after: after?.[file] };
}

/** Prints a failure the way a developer wants to read it. */
export function describeFailure(f) {
  return [
    `${f.kind} (kept value ${JSON.stringify(f.value)}, program seed ${f.program.seed}, keys ${f.world.keyStyle}, target ${f.world.target ?? 'boolean'}): ${f.detail}`,
    `--- ${f.file} before`,
    f.before ?? '(none)',
    `--- ${f.file} after`,
    f.after ?? '(none)',
  ].join('\n');
}
