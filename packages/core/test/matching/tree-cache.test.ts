import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
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

/** A tree's shape, for comparing two parses: kind, span and flags of every node. */
function shape(sf: ts.SourceFile): string {
  // Two flags are caches the incremental parser fills in as it checks nodes for reuse, and two
  // it carries over on purpose (import.meta / dynamic import seen once): none is syntax.
  const cached = ts.NodeFlags.HasAggregatedChildData | ts.NodeFlags.ThisNodeOrAnySubNodesHasError | ts.NodeFlags.PossiblyContainsDynamicImport | ts.NodeFlags.PossiblyContainsImportMeta;
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    out.push(`${ts.SyntaxKind[node.kind]}@${node.pos}-${node.end}/${node.flags & ~cached}${node.parent ? '' : '!'}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return `${out.join(' ')} diagnostics:${(sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length}`;
}

describe('an edited file parsed from its last tree', () => {
  const invoices = file('invoices/InvoiceList.ts');
  const original = [
    "import { useFlag } from '../client';",
    "import { INVOICE_EXPORT } from '../flags';",
    "import { formatMoney } from '../lib/money';",
    '',
    'export interface InvoiceRow {',
    '  label: string;',
    '  cents: number;',
    '}',
    '',
    'export function invoiceRows(cents: number[]): string[] {',
    '  const rows = cents.map((c) => formatMoney(c));',
    "  if (useFlag(INVOICE_EXPORT)) rows.push('Export CSV');",
    '  return rows;',
    '}',
    '',
    'export function exportLabel(): string | null {',
    '  return null;',
    '}',
    '',
    'export function totalCents(cents: number[]): number {',
    '  return cents.reduce((sum, c) => sum + c, 0);',
    '}',
    '',
    'export function averageCents(cents: number[]): number {',
    '  return cents.length === 0 ? 0 : totalCents(cents) / cents.length;',
    '}',
    '',
    'export function describeRows(rows: InvoiceRow[]): string {',
    "  return rows.map((r) => `${r.label}: ${formatMoney(r.cents)}`).join('\\n');",
    '}',
    '',
    'export function largestRow(rows: InvoiceRow[]): InvoiceRow | undefined {',
    '  let largest: InvoiceRow | undefined;',
    '  for (const row of rows) if (!largest || row.cents > largest.cents) largest = row;',
    '  return largest;',
    '}',
    '',
  ].join('\n');
  // One week's edits after another: the read moves to another function; then it goes and a
  // function that was skimmed (blanked: it read no flag) starts reading one; then a syntax
  // error; then back to the start.
  const moved = original
    .replace("  if (useFlag(INVOICE_EXPORT)) rows.push('Export CSV');\n", '')
    .replace('  return null;', "  return useFlag(INVOICE_EXPORT) ? 'Export CSV' : null;");
  const swapped = moved
    .replace("  return useFlag(INVOICE_EXPORT) ? 'Export CSV' : null;", "  return 'Export CSV';")
    .replace('  return cents.reduce((sum, c) => sum + c, 0);', "  return useFlag('invoice-totals') ? cents.reduce((sum, c) => sum + c, 0) : 0;");
  const broken = swapped.replace('sum + c, 0) : 0;', 'sum + c, 0 : 0;');

  const readsOf = (p: FlagProject) => summarize(p.readsIn(invoices));
  const others = (text: string | undefined) => (abs: string) => (abs === invoices ? text : fs.readFileSync(abs, 'utf8'));

  it('gives the tree and the reads a parse from nothing gives, reusing the unchanged nodes', () => {
    const trees = new TreeCache();
    const texts = [original, moved, swapped, broken, original];
    let last = project(hostWith({ [invoices]: texts[0] }), trees);
    expect(readsOf(last)).toEqual(readsOf(project(hostWith({ [invoices]: texts[0] }))));
    const found: unknown[] = [];
    const reused: boolean[] = [];
    for (const text of texts.slice(1)) {
      const before = [...last.sourceFile(invoices).statements];
      // A new point: the file's last parse becomes the base of its next one.
      trees.retain(others(text));
      const next = project(hostWith({ [invoices]: text }), trees);
      const alone = project(hostWith({ [invoices]: text }));
      const reads = readsOf(next);
      expect(reads).toEqual(readsOf(alone));
      found.push(reads.map((r) => `${r.key}@${r.line}`));
      const tree = next.sourceFile(invoices);
      expect(shape(tree)).toBe(shape(alone.sourceFile(invoices)));
      reused.push(tree.statements.some((s) => before.includes(s)));
      last = next;
    }
    // The reads followed each edit.
    expect(found).toEqual([['invoice-export@16'], ['invoice-totals@20'], ['invoice-totals@20'], ['invoice-export@12']]);
    // The nodes before each edit are the old tree's own (a parse from nothing makes new ones).
    // The broken text's skimmed parse (from the base) has the syntax error, so the file is parsed
    // again in full, from nothing (the base is used up); back at the start, that full tree and
    // the skimmed text differ in every blanked function, most of the text: from nothing too.
    expect(reused).toEqual([true, true, false, false]);
  });

  it('skims a kept text again under other candidate words, and answers from the kept skim under the same', () => {
    const trees = new TreeCache();
    const host = hostWith({ [invoices]: original });
    // `averageCents` spells no candidate word: blanked.
    const blanked = project(host, trees).sourceFile(invoices);
    expect(blanked.text).not.toContain('totalCents(cents) / cents.length');
    // Once `totalCents` is a wrapper's name, the function calling it must be parsed: a skim kept
    // for the text alone would hand back the blanked tree.
    const widened = project(host, trees);
    widened.sealWrappers(['totalCents'], () => false);
    expect(widened.sourceFile(invoices).text).toContain('totalCents(cents) / cents.length');
    expect(project(host, trees).sourceFile(invoices)).toBe(blanked);
    // Another text under the same words is skimmed anew.
    const edited = project(hostWith({ [invoices]: moved }), trees).sourceFile(invoices);
    expect(edited.text.length).toBe(moved.length);
    expect(edited.text).toContain("useFlag(INVOICE_EXPORT) ? 'Export CSV' : null");
  });

  it('uses a base once, none for a file that is gone, and none for a text rewritten throughout', () => {
    const trees = new TreeCache();
    // Parsed in full (no skim), so the base's text is the file's own.
    const full = (host: SourceHost) => new FlagProject({ root, accessors: ACCESSORS, tsconfig: false, host, trees });
    full(hostWith({ [invoices]: original })).sourceFile(invoices);
    trees.retain(others(moved));
    expect(trees.reparse(invoices, moved)).toBeDefined();
    expect(trees.reparse(invoices, moved)).toBeUndefined();

    full(hostWith({ [invoices]: moved })).sourceFile(invoices);
    trees.retain(others(undefined));
    expect(trees.reparse(invoices, original)).toBeUndefined();

    full(hostWith({ [invoices]: original })).sourceFile(invoices);
    const rewritten = original.replace(/[a-z]/g, (c) => c.toUpperCase());
    trees.retain(others(rewritten));
    expect(trees.reparse(invoices, rewritten)).toBeUndefined();
    // Left as it was: a closer text still starts from it.
    expect(trees.reparse(invoices, moved)?.text).toBe(moved);

    // A base not used at the point it was made for is let go at the next one.
    full(hostWith({ [invoices]: original })).sourceFile(invoices);
    trees.retain(others(moved));
    trees.retain(others(moved));
    expect(trees.reparse(invoices, moved)).toBeUndefined();
  });
});
