/**
 * Ways to remove the target flag from a generated project. `codemod` is the system under test;
 * the others work on the generator's IR and exist to prove the harness itself: `oracle` is
 * correct by construction (it must never be reported), the `broken*` ones are wrong on purpose
 * (the harness must catch them).
 */
import { TARGET } from './generator.mjs';
import { projectFiles } from './project.mjs';

const NOW = '2026-11-21';

/** The real codemod, dry run: the file map it would write. */
export async function codemod({ dir, files, key, value }) {
  const { removeFlags } = await import('@flagdebt/codemod');
  const result = await removeFlags({ dir, flags: [{ key, value }], dryRun: true, allowDirty: true, now: NOW });
  return applyResult(files, result);
}

export function applyResult(files, result) {
  const after = { ...files };
  for (const change of result.changed) after[change.relative] = change.after;
  for (const gone of result.deleted) delete after[gone.relative];
  return after;
}

/** Runs the codemod again on its own output: the second run must not touch code. */
export async function codemodIdempotence({ files, key, value }) {
  const { writeProject } = await import('./project.mjs');
  const project = writeProject(files);
  try {
    const { removeFlags } = await import('@flagdebt/codemod');
    const result = await removeFlags({ dir: project.dir, flags: [{ key, value }], dryRun: true, allowDirty: true, now: NOW });
    const code = result.changed.filter((c) => /\.tsx?$/.test(c.relative));
    if (code.length === 0 && result.deleted.length === 0) return null;
    return `a second run still changes ${[...code.map((c) => c.relative), ...result.deleted.map((d) => `${d.relative} (deleted)`)].join(', ')}`;
  } finally {
    project.cleanup();
  }
}

/** Replaces every read of the target flag in the IR by `value`. */
export function substitute(node, replace) {
  if (Array.isArray(node)) return node.map((n) => substitute(n, replace));
  if (node === null || typeof node !== 'object') return node;
  const swapped = replace(node);
  if (swapped !== node) return swapped;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, substitute(v, replace)]));
}

const irRemover = (rewrite) => async ({ world, programs, value }) => projectFiles(world, programs.map((p) => substitute(p, (n) => rewrite(n, value))));

const isTargetRead = (n) => (n.k === 'flag' && n.flag === TARGET) || n.k === 'vread';
const opposite = (value) => (typeof value === 'boolean' ? !value : value === 'blue' ? 'green' : 'blue');

/** Correct by construction: a flag read has no effect but its value. */
export const oracle = irRemover((n, value) => (isTargetRead(n) ? { k: 'lit', v: value } : n));

/** Keeps the wrong value. */
export const brokenValue = irRemover((n, value) => (isTargetRead(n) ? { k: 'lit', v: opposite(value) } : n));

/** Folds `touch(label, x)` to `x`, losing a side effect. */
export const brokenEffects = irRemover((n, value) => {
  if (isTargetRead(n)) return { k: 'lit', v: value };
  if (n.k === 'touch') return substitute(n.e, (m) => (isTargetRead(m) ? { k: 'lit', v: value } : m));
  return n;
});

/** Leaves the reads in place. */
export const identity = async ({ files }) => ({ ...files });

export const REMOVERS = { codemod, oracle, brokenValue, brokenEffects, identity };
