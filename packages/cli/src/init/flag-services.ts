/**
 * For `flagdebt init` on a project with no flag SDK: a service that holds every flag as a
 * property of one container, reached through dependency injection (`featureFlagService.flags
 * .enable_ai.value`, `this.featureFlags.toggles.newNav`). Its class is named for flags
 * (`FeatureFlagService`) and declares a property named for flags (`flags`, `featureFlags`,
 * `toggles`); the project reads keys off that property through an instance named after the class
 * in lower camel case, as DI containers and Angular/Nest-style injection name it.
 *
 * Proposed as a `member` accessor on `<instance>.<property>`. When a read is followed by a
 * property that holds the flag's value (`.value`, `.enabled`, `.on`), that is its
 * `valueProperty` with `returns: "object"`; a property the project hands to the same function at
 * least twice (`useLiveData(featureFlagService.flags.x.$)`) is an `observableProperty` with those
 * functions as `unwrap`. The codemod then folds `flags.x.value` and `useLiveData(flags.x.$)`, and
 * leaves `flags.x.$.subscribe(cb)` or `flags.x.set(v)` (a write) for a human, reported.
 */
import ts from '@flagdebt/core/typescript';
import type { Accessor } from '@flagdebt/core';
import type { DetectedAccessor } from './detect.js';
import type { ParseFile } from './home-grown.js';

/** `FeatureFlagService`, `FlagsStore`, `ToggleManager`, `FeatureToggles`. */
const FLAG_CLASS = /(?:Flag|Toggle)/;
/** Cheap test before parsing: a class named for flags or toggles. */
const MAY_DECLARE = /\bclass\s+[\w$]*(?:Flag|Toggle)/;
const CONTAINER = /^(?:flags|featureFlags|toggles|featureToggles)$/;

/** Properties of a flag object (a hook's result, a service's handle) that hold its value. */
export const VALUE_PROPERTIES = ['enabled', 'isEnabled', 'value', 'on', 'active', 'current'];

/** The call a site is the first argument of: `useLiveData(`, `get(this.`, `useObservable(\n  `. */
const WRAPPED_BY = /(?<![\w$.])([A-Za-z_$][\w$]*)\(\s*(?:this\??\.)?$/;

const total = (calls: Map<string, number>): number => [...calls.values()].reduce((a, b) => a + b, 0);

interface FileText {
  file: string;
  text: string;
}

export function flagServices(texts: readonly FileText[], parse: ParseFile): DetectedAccessor[] {
  const containers = new Set<string>();
  for (const { file, text } of texts) {
    if (!MAY_DECLARE.test(text)) continue;
    for (const statement of parse(file, text).statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name || !FLAG_CLASS.test(statement.name.text)) continue;
      const instance = statement.name.text[0].toLowerCase() + statement.name.text.slice(1);
      for (const member of statement.members) {
        const isProperty = ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member);
        if (isProperty && member.name && ts.isIdentifier(member.name) && CONTAINER.test(member.name.text)) containers.add(`${instance}.${member.name.text}`);
      }
    }
  }
  const out: DetectedAccessor[] = [];
  for (const path of [...containers].sort()) {
    const [instance, property] = path.split('.');
    // `featureFlagService.flags.enable_ai.value`, `this.featureFlagService?.flags.x.$`: a key, then what is read off it.
    const site = new RegExp(String.raw`(?<![\w$])${instance.replace(/\$/g, '\\$')}\??\.${property}\??\.[A-Za-z_$][\w$]*(?:\??\.([A-Za-z_$][\w$]*))?`, 'g');
    let reads = 0;
    const after = new Map<string, number>();
    // Property -> the calls that take it as their only argument (`useLiveData(featureFlagService.flags.x.$)`).
    const unwrapped = new Map<string, Map<string, number>>();
    for (const { text } of texts) {
      if (!text.includes(instance)) continue;
      for (const m of text.matchAll(site)) {
        reads += 1;
        const next = m[1];
        if (next === undefined) continue;
        after.set(next, (after.get(next) ?? 0) + 1);
        const callee = WRAPPED_BY.exec(text.slice(Math.max(0, m.index - 80), m.index))?.[1];
        if (callee !== undefined && /^\s*\)/.test(text.slice(m.index + m[0].length))) {
          const calls = unwrapped.get(next) ?? new Map<string, number>();
          calls.set(callee, (calls.get(callee) ?? 0) + 1);
          unwrapped.set(next, calls);
        }
      }
    }
    if (reads < 2) continue;
    const accessor: Accessor = { member: path };
    // The value-like property read most often off a handle.
    const valueProperty = [...after].filter(([p]) => VALUE_PROPERTIES.includes(p)).sort((a, b) => b[1] - a[1])[0]?.[0];
    if (valueProperty) Object.assign(accessor, { returns: 'object', valueProperty });
    // A stream of the value that the project unwraps the same way at least twice.
    const [observable, calls] = [...unwrapped].filter(([p, c]) => !VALUE_PROPERTIES.includes(p) && total(c) >= 2).sort((a, b) => total(b[1]) - total(a[1]))[0] ?? [];
    if (observable !== undefined && calls !== undefined) Object.assign(accessor, { returns: 'object', observableProperty: observable, unwrap: [...calls.keys()].sort() });
    out.push({ sdk: 'in-house (flags service)', accessor, reads, testReads: 0 });
  }
  return out;
}
