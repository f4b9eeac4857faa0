/**
 * The files a tsconfig's `extends` names, which are not always named tsconfig*.json: Turborepo's
 * `packages/typescript-config/react.json`, a shared `configs/base.json`. An edit there changes the
 * compiler options of every tsconfig that extends it, so history treats it as a tsconfig edit.
 *
 * Known by name, not resolved: a JSON file counts when its base name is the last segment of some
 * `extends` (`"../../packages/typescript-config/react.json"`, `"@shop/typescript-config/react"`),
 * followed through bases that extend others. A data file that happens to share such a name only
 * costs a re-resolution; a base the scan reads is never missed.
 */
import path from 'node:path';
import ts from '@flagdebt/core/typescript';
import type { TreeEntry } from './git.js';

/** A tsconfig or jsconfig by its name. */
export const TSCONFIG = /(^|\/)[jt]sconfig[^/]*\.json$/;

/** Per tree: the base names of the files some tsconfig extends (directly or through other bases). */
const known = new WeakMap<ReadonlyMap<string, TreeEntry>, ReadonlySet<string>>();

/** Whether `rel` (a repository path in `tree`, or in the tree before it) is a tsconfig base file. */
export function isTsconfigBase(rel: string, tree: ReadonlyMap<string, TreeEntry>, text: (blob: string) => string | undefined): boolean {
  if (!rel.endsWith('.json') || TSCONFIG.test(rel) || rel.split('/').includes('node_modules')) return false;
  let names = known.get(tree);
  if (!names) {
    names = baseNames(tree, text);
    known.set(tree, names);
  }
  return names.has(path.posix.basename(rel));
}

function baseNames(tree: ReadonlyMap<string, TreeEntry>, text: (blob: string) => string | undefined): Set<string> {
  const names = new Set<string>();
  const byName = new Map<string, string[]>();
  const pending: string[] = [];
  for (const rel of tree.keys()) {
    if (rel.split('/').includes('node_modules')) continue;
    if (TSCONFIG.test(rel)) pending.push(rel);
    else if (rel.endsWith('.json')) {
      const name = path.posix.basename(rel);
      byName.set(name, [...(byName.get(name) ?? []), rel]);
    }
  }
  const seen = new Set(pending);
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const entry = tree.get(rel);
    const source = entry ? text(entry.blob) : undefined;
    for (const target of source === undefined ? [] : extendsOf(source)) {
      const name = path.posix.basename(target.endsWith('.json') ? target : `${target}.json`);
      if (names.has(name)) continue;
      names.add(name);
      // A base may extend another base.
      for (const next of byName.get(name) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return names;
}

/** The `extends` of a tsconfig text (JSON with comments): one name or a list. */
function extendsOf(text: string): string[] {
  const { config } = ts.parseConfigFileTextToJson('tsconfig.json', text);
  const value = (config as { extends?: unknown } | undefined)?.extends;
  const all = Array.isArray(value) ? value : [value];
  return all.filter((v): v is string => typeof v === 'string' && v.length > 0);
}
