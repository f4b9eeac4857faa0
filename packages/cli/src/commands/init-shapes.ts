/**
 * `flagdebt init` proposals beyond SDK calls: where the keys it found also sit in data (a route
 * table's `flag: 'k'`, a migration's `export const featureFlag = 'k'`) or in a JSX gate's
 * attribute (`<FeatureToggle featureFlag="k">`), the matching accessor forms. A text search for
 * the found keys, spelled as string literals: a proposal for the user to review, never a read.
 */
import type { Accessor } from '@flagdebt/core';

/** Names that say "this holds a flag key"; anything else (`title: 'k'`) is not proposed. */
const FLAG_NAME = /flag|feature|toggle/i;
/** A form is proposed when the keys sit in it at least this often (one could be a coincidence). */
const MIN_SEEN = 2;

export interface ShapeProposal {
  accessor: Accessor;
  /** How many string literals of found keys it would read. */
  reads: number;
}

export function proposeShapes(texts: Iterable<string>, keys: ReadonlySet<string>): ShapeProposal[] {
  if (keys.size === 0) return [];
  const counts = new Map<string, ShapeProposal>();
  const count = (id: string, accessor: () => Accessor): void => {
    const seen = counts.get(id);
    if (seen) seen.reads++;
    else counts.set(id, { accessor: accessor(), reads: 1 });
  };
  // The same form holding other strings (`flag: '🇪🇺'` in a region list, a CLI's `flag: 'dry-run'`):
  // proposed only where found keys are at least as many, or it would read every one of those.
  const others = new Map<string, number>();
  const other = (id: string): void => {
    others.set(id, (others.get(id) ?? 0) + 1);
  };
  // A quoted string; the quote is a named group so the groups before it keep their numbers.
  const literal = `(?<q>['"])([^'"\\n]{1,200})\\k<q>`;
  const property = new RegExp(`(?:^|[{,\\s])([A-Za-z_$][\\w$]*)\\s*:\\s*${literal}`, 'g');
  const exported = new RegExp(`export\\s+const\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*${literal}`, 'g');
  const attribute = new RegExp(`<([A-Z][\\w$]*)\\b[^<>]*?\\s([A-Za-z_$][\\w$-]*)=(?:\\{\\s*)?${literal}`, 'g');
  for (const text of texts) {
    for (const m of text.matchAll(exported)) {
      if (!FLAG_NAME.test(m[1])) continue;
      if (keys.has(m[3])) count(`export ${m[1]}`, () => ({ export: m[1] }));
      else other(`export ${m[1]}`);
    }
    for (const m of text.matchAll(property)) {
      if (!FLAG_NAME.test(m[1])) continue;
      if (keys.has(m[3])) count(`property ${m[1]}`, () => ({ property: m[1] }));
      else other(`property ${m[1]}`);
    }
    for (const m of text.matchAll(attribute)) {
      if (!FLAG_NAME.test(m[2])) continue;
      if (keys.has(m[4])) count(`component ${m[1]} ${m[2]}`, () => ({ component: m[1], keyProp: m[2] }));
      else other(`component ${m[1]} ${m[2]}`);
    }
  }
  return [...counts]
    .filter(([id, p]) => p.reads >= MIN_SEEN && p.reads >= (others.get(id) ?? 0))
    .map(([, p]) => p)
    .sort((a, b) => b.reads - a.reads);
}
