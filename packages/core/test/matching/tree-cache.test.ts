import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject, TreeCache, type SourceHost } from '../../src/index.js';
import { ACCESSORS, fixtureDir, summarize } from './helpers.js';

// Projects built one after the other over mostly the same texts (history's points) share parses
// and resolved imports: what they answer must be what a project of their own would answer.
const root = fixtureDir('dependencies');
const file = (rel: string) => path.join(root, 'src', rel);

/** The fixture's files from disk, with some texts replaced (an edit between two points). */
function hostWith(edits: Record<string, string> = {}): SourceHost {
  const texts = new Map<string, string>();
  const read = (abs: string) => {
    if (abs in edits) return edits[abs];
    if (!texts.has(abs)) {
      try {
        texts.set(abs, fs.readFileSync(abs, 'utf8'));
      } catch {
        return undefined;
      }
    }
    return texts.get(abs);
  };
  return { readFile: read, fileExists: (abs) => read(abs) !== undefined };
}

const project = (host: SourceHost, trees?: TreeCache, resolutions?: Map<string, string | null>) =>
  new FlagProject({ root, accessors: ACCESSORS, tsconfig: false, host, skim: { keys: [] }, trees, resolutions });

describe('parses and resolutions shared across projects', () => {
  it('reuses the tree of an unchanged text and parses a changed one again', () => {
    const trees = new TreeCache();
    const host = hostWith();
    const first = project(host, trees);
    const list = first.sourceFile(file('invoices/InvoiceList.ts'));
    const keys = first.sourceFile(file('flags/keys.ts'));

    const edited = fs.readFileSync(file('flags/keys.ts'), 'utf8').replace(/'/g, '"');
    const second = project(hostWith({ [file('flags/keys.ts')]: edited }), trees);
    expect(second.sourceFile(file('invoices/InvoiceList.ts'))).toBe(list);
    const keysAgain = second.sourceFile(file('flags/keys.ts'));
    expect(keysAgain).not.toBe(keys);
    expect(keysAgain.text).toBe(edited);
  });

  it('answers as a project of its own does', () => {
    const trees = new TreeCache();
    const resolutions = new Map<string, string | null>();
    const reads = (p: FlagProject) => {
      p.discoverWrappers([file('flags/hooks.ts')]);
      p.sealWrappers();
      return ['invoices/InvoiceList.ts', 'invoices/TaxPanel.ts', 'reminders/Reminders.ts'].map((rel) => summarize(p.readsIn(file(rel))));
    };
    const alone = reads(project(hostWith()));
    // A first project fills the caches, a second one answers from them.
    expect(reads(project(hostWith(), trees, resolutions))).toEqual(alone);
    expect(resolutions.size).toBeGreaterThan(0);
    const shared = project(hostWith(), trees, resolutions);
    expect(reads(shared)).toEqual(alone);
    expect(alone.flat().length).toBeGreaterThan(0);
  });

  it('keeps only the parses of the texts a file still has', () => {
    const trees = new TreeCache();
    project(hostWith(), trees).sourceFile(file('lib/money.ts'));
    project(hostWith(), trees).sourceFile(file('flags/keys.ts'));
    expect(trees.size).toBe(2);
    trees.retain((abs) => (abs === file('lib/money.ts') ? 'export const other = 1;\n' : fs.readFileSync(abs, 'utf8')));
    expect(trees.size).toBe(1);
  });
});
