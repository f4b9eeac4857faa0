/**
 * `--group-by flag|owner` for the reports a person reads: every finding under the flag it is
 * about, or under the team that owns that flag, so that each team sees its own work in one place.
 * Unregistered and dynamic keys have no owner; they form a group of their own.
 */
import { isSuppressedStale } from '../findings/findings.js';
import { removeCommand } from './remove-command.js';
import type { ScanResult } from '../types.js';

export type GroupBy = 'flag' | 'owner';

export interface FindingRead {
  file: string;
  line: number;
  column: number;
  test: boolean;
}

export interface FindingItem {
  /** The flag key, or null for dynamic keys. */
  flag: string | null;
  headline: string;
  reasons: string[];
  remove?: string;
  reads: FindingRead[];
}

export interface FindingGroup {
  title: string;
  items: FindingItem[];
}

export const UNOWNED = '(no owner: unregistered and dynamic keys)';

export function groupFindings(result: ScanResult, by: GroupBy): FindingGroup[] {
  const items: { owner: string | null; item: FindingItem }[] = [];
  const readsOf = (key: string) => result.references.filter((r) => r.flag === key).map(({ file, line, column, test }) => ({ file, line, column, test }));
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

  for (const flag of result.flags) {
    if (flag.state === 'archived' && flag.references > 0) {
      const headline = `${flag.key}: ARCHIVED but still read (${flag.type}, ${flag.owner})`;
      items.push({ owner: flag.owner, item: { flag: flag.key, headline, reasons: flag.reasons, reads: readsOf(flag.key) } });
    } else if (flag.stale && !isSuppressedStale(result, flag.key)) {
      const headline = `${flag.key}: stale (${flag.type}, ${flag.owner}), ${plural(flag.references, 'reference')} in ${plural(flag.files, 'file')}`;
      items.push({ owner: flag.owner, item: { flag: flag.key, headline, reasons: flag.reasons, remove: removeCommand(flag), reads: readsOf(flag.key) } });
    }
  }

  const unregistered = new Map<string, FindingItem>();
  for (const u of result.unregistered) {
    let item = unregistered.get(u.flag);
    if (!item) {
      const hint = u.suggestion === undefined ? '' : ` (did you mean "${u.suggestion}"?)`;
      item = { flag: u.flag, headline: `${u.flag}: not in the registry${hint}`, reasons: [], reads: [] };
      unregistered.set(u.flag, item);
    }
    const test = result.references.find((r) => r.file === u.file && r.line === u.line && r.column === u.column)?.test ?? false;
    item.reads.push({ file: u.file, line: u.line, column: u.column, test });
  }
  for (const key of [...unregistered.keys()].sort()) items.push({ owner: null, item: unregistered.get(key)! });

  const dynamic = result.references.filter((r) => r.kind === 'dynamic');
  if (dynamic.length > 0) {
    const reads = dynamic.map(({ file, line, column, test }) => ({ file, line, column, test }));
    items.push({ owner: null, item: { flag: null, headline: `dynamic keys: ${plural(dynamic.length, 'read')} whose key is not known statically`, reasons: [], reads } });
  }

  const groups = new Map<string, FindingGroup>();
  for (const { owner, item } of items) {
    const title = by === 'owner' ? (owner ?? UNOWNED) : (item.flag ?? '(dynamic keys)');
    const group = groups.get(title) ?? { title, items: [] };
    group.items.push(item);
    groups.set(title, group);
  }
  const ordered = [...groups.values()];
  if (by === 'owner') ordered.sort((a, b) => (a.title === UNOWNED ? 1 : b.title === UNOWNED ? -1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return ordered;
}
