import ts from '../ts-morph-ts.cjs';
import type { FlagValue } from '@flagdebt/core';
import { tidyBlankLines } from '../edit/blank-lines.js';
import { removalRange } from '../edit/layout.js';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { parse } from '../fold/fold-engine.js';
import { removeListMember } from './key-declarations.js';
import { calleeName, flagSettings, sameValue, skipOuter, type FlagNames, type FlagSetting } from './test-settings.js';
import { blocksIn, calledNames, cellOf, flatten, HOOKS, isModuleMock, literal, topLevelHelper, within, type Block } from './test-structure.js';

/**
 * Tests of the side of a flag that no longer exists. Once the code always behaves as `value`, a
 * test that sets the flag to another value (and asserts the old behaviour) tests code that is
 * gone: it is deleted, with a `describe` whose every test goes. A test that sets it to `value`
 * stays and loses the setting, which now sets nothing. A test that does not set the flag is
 * never touched: a title naming the flag's old path is not evidence on its own.
 */
export interface DeadTestsOutcome {
  /** The new text; null when every test in the file was of the dead side (the file goes). */
  text: string | null;
  /** `byDefault`: the test set nothing and ran with the flag's default, a value it can no longer have. */
  deletedTests: Array<{ title: string; line: number; byDefault?: boolean }>;
  /** Settings deleted from tests of the kept side. */
  settingsDeleted: number;
}

type Verdict = 'dead' | 'live' | 'mixed' | 'none';

const TEARDOWN_HOOKS = new Set(['afterEach', 'afterAll', 'after']);

export function deleteDeadTests(file: string, text: string, flags: Array<{ names: FlagNames; value: FlagValue; unset?: FlagValue }>, isAccessor: (callee: string) => boolean): DeadTestsOutcome | null {
  let current = text;
  const deletedTests: DeadTestsOutcome['deletedTests'] = [];
  let settingsDeleted = 0;
  // One flag at a time: each pass re-parses what the previous one left.
  for (const flag of flags) {
    const sf = parse(file, current);
    const settings = flagSettings(sf, flag.names, isAccessor);
    if (settings.length === 0) continue;
    const pass = new FilePass(sf, current, settings, flag.value, flag.unset);
    const out = pass.run();
    if (out === null) return { text: null, deletedTests: [...deletedTests, ...pass.deleted], settingsDeleted };
    deletedTests.push(...pass.deleted);
    settingsDeleted += pass.settingsDeleted;
    current = out;
  }
  return current === text ? null : { text: current, deletedTests, settingsDeleted };
}

class FilePass {
  readonly deleted: DeadTestsOutcome['deletedTests'] = [];
  settingsDeleted = 0;
  private readonly edits: Edit[] = [];
  private readonly owner = new Map<FlagSetting, Block | 'file' | null>();
  private readonly blocks: Block[];

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly text: string,
    private readonly settings: FlagSetting[],
    private readonly kept: FlagValue,
    /** What the flag read where nothing set it (undefined: unknown). */
    private readonly unset?: FlagValue,
  ) {
    this.blocks = blocksIn(sf.statements);
    for (const s of settings) {
      this.owner.set(s, this.ownerOf(s.node));
      const helper = this.owner.get(s) === null ? topLevelHelper(s.node) : undefined;
      if (helper) this.helpers.set(helper, [...(this.helpers.get(helper) ?? []), s]);
    }
  }

  /** Settings inside top-level helper functions (`function renderLegacy() { mockFlag(...) }`), by name. */
  private readonly helpers = new Map<string, FlagSetting[]>();

  /** The new text, or null when the whole file is of the dead side. */
  run(): string | null {
    const all = flatten(this.blocks).filter((b) => b.kind === 'test');
    const verdicts = this.decide(this.blocks, this.verdictOf('file'));
    this.decideUnset(this.blocks, verdicts);
    if (all.length > 0 && all.every((t) => verdicts.get(t) === 'dead')) {
      for (const t of all) this.deleted.push({ title: t.title, line: this.line(t.statement) });
      return null;
    }
    this.deleteDead(this.blocks, verdicts);
    this.cleanUpLive(verdicts);
    if (this.edits.length === 0) return this.text;
    const out = tidyBlankLines(this.text, applyEdits(this.text, this.edits, { constants: [], touched: [] }).text);
    // The last test of a file went: the blank line that separated it goes too.
    return /\n[ \t]*\n$/.test(this.text) ? out : out.replace(/\n([ \t]*\n)+$/, '\n');
  }

  /** Each test's verdict, the nearest setting winning (the test's own, then its describes', then the file's). */
  private decide(blocks: Block[], inherited: Verdict, out = new Map<Block, Verdict>()): Map<Block, Verdict> {
    for (const b of blocks) {
      const own = this.verdictOf(b);
      const here = own === 'none' ? inherited : own;
      if (b.kind === 'test') out.set(b, here);
      this.decide(b.children, here, out);
      if (b.kind === 'describe') {
        const tests = flatten(b.children).filter((c) => c.kind === 'test');
        if (tests.length > 0 && tests.every((t) => out.get(t) === 'dead')) out.set(b, 'dead');
      }
    }
    return out;
  }

  /** Tests deleted because they relied on the flag's default (see decideUnset). */
  private readonly byDefault = new Set<Block>();

  /**
   * A test that sets nothing runs with the flag's default. When that default is a value the flag
   * can no longer have, and a sibling test (or describe) sets the kept value explicitly, the
   * unset test is the other side of that pair: it tested the old default path, and goes. Without
   * such a sibling the file may not be about this flag at all, and with siblings that set the old
   * value themselves the old path is tested there: in both cases nothing is decided. Only where
   * the tests that set the kept value are at least as many as those that set nothing.
   */
  private decideUnset(siblings: Block[], verdicts: Map<Block, Verdict>): void {
    if (this.unset === undefined || sameValue(this.unset, this.kept) !== false) return;
    const count = (v: Verdict) => siblings.flatMap((b) => (b.kind === 'test' ? [b] : flatten(b.children).filter((t) => t.kind === 'test'))).filter((t) => verdicts.get(t) === v).length;
    // Siblings that set the old value themselves test the old path: the unset ones are about
    // something else. So are they when most tests here set nothing: the flag is then one concern
    // of many (a component's suite with one flag test), not what the scope is about.
    const live = count('live');
    const pairedWithDefault = live > 0 && live >= count('none') && count('dead') === 0 && count('mixed') === 0;
    for (const b of siblings) {
      if (pairedWithDefault && b.kind === 'test' && verdicts.get(b) === 'none') {
        verdicts.set(b, 'dead');
        this.byDefault.add(b);
      }
      if (b.kind === 'describe') this.decideUnset(b.children, verdicts);
    }
  }

  private verdictOf(scope: Block | 'file'): Verdict {
    // A teardown (`afterEach(() => { process.env.NEW_NAV = 'false' })`) restores; the tests run with the setup's value.
    const own = this.settings.filter((s) => this.owner.get(s) === scope && !this.isTeardown(s));
    // A test that calls a helper which sets the flag sets it too.
    if (scope !== 'file' && scope.kind === 'test' && scope.body && this.helpers.size > 0) own.push(...calledNames(scope.body).flatMap((n) => this.helpers.get(n) ?? []));
    const values = own.filter((s) => 'fixed' in s.value).map((s) => sameValue((s.value as { fixed: FlagValue }).fixed, this.kept));
    if (values.length === 0) return 'none';
    if (values.every((v) => v === false)) return 'dead';
    if (values.every((v) => v === true)) return 'live';
    return 'mixed';
  }

  private deleteDead(blocks: Block[], verdicts: Map<Block, Verdict>): void {
    for (const b of blocks) {
      if (verdicts.get(b) === 'dead') {
        this.remove(b.statement);
        for (const t of [b, ...flatten(b.children)].filter((x) => x.kind === 'test')) this.deleted.push({ title: t.title, line: this.line(t.statement), byDefault: this.byDefault.has(t) || undefined });
        continue;
      }
      if (b.table && this.deleteDeadRows(b)) continue;
      this.deleteDead(b.children, verdicts);
    }
  }

  /** `it.each([[true, 'New'], [false, 'Old']])`: the rows of the dead side go (all of them: the test goes). True when the block went. */
  private deleteDeadRows(b: Block): boolean {
    const rows = b.table!.elements;
    const dead = rows.filter((row) => this.rowVerdict(b, row) === 'dead');
    if (dead.length === 0) return false;
    if (dead.length === rows.length) {
      this.remove(b.statement);
      this.deleted.push({ title: b.title, line: this.line(b.statement) });
      return true;
    }
    for (const row of dead) this.edits.push(removeListMember(this.text, row));
    this.deleted.push({ title: `${b.title} (${dead.length} of ${rows.length} rows)`, line: this.line(b.statement) });
    return false;
  }

  private rowVerdict(b: Block, row: ts.Expression): Verdict {
    const values: Array<boolean | undefined> = [];
    const r = skipOuter(row);
    for (const s of this.settings) {
      if (!within(s.node, b.statement)) continue;
      // An object row naming the flag (`{ newNav: false, label: 'Old' }`) sets it itself.
      if (within(s.node, r) && 'fixed' in s.value) values.push(sameValue(s.value.fixed, this.kept));
      // A column passed to a setting in the callback (`(enabled) => mockFlag('new-nav', enabled)`).
      if ('param' in s.value && b.body && within(s.value.param, b.statement)) {
        const cell = cellOf(r, s.value.param, s.value.property);
        const v = cell && literal(cell);
        values.push(v === undefined ? undefined : sameValue(v, this.kept));
      }
    }
    if (values.length === 0) return 'none';
    if (values.every((v) => v === false)) return 'dead';
    return values.every((v) => v === true) ? 'live' : 'mixed';
  }

  /**
   * On the kept side a setting sets nothing any more: a statement that only sets the flag goes
   * (and a hook left empty by it), so does a module mock made only of this flag's stubs.
   * Overrides passed to the code (`{ newNav: true }`) stay: the code's types may still ask for them.
   */
  private cleanUpLive(verdicts: Map<Block, Verdict>): void {
    const emptied = new Map<ts.Block, number>();
    this.deleteOverrides();
    for (const s of this.settings) {
      if (!('fixed' in s.value) || (s.override && !s.statement)) continue;
      const owner = this.owner.get(s);
      if (owner === null || owner === undefined) continue;
      if (owner !== 'file' && this.isGone(owner, verdicts)) continue;
      // A scope that still has a test of both sides keeps its setup as it is.
      const tests = owner === 'file' ? flatten(this.blocks) : [owner, ...flatten(owner.children)];
      if (tests.some((t) => verdicts.get(t) === 'mixed')) continue;
      // A module mock of this flag's stubs mocks nothing once the code no longer asks (either side:
      // the tests it held the dead value for are gone, the others set their own).
      const moduleMock = this.moduleMockOf(s);
      // A teardown resets the flag for what runs next, which no longer reads it: either value goes.
      if (!moduleMock && !this.isTeardown(s) && sameValue(s.value.fixed, this.kept) !== true) continue;
      if (moduleMock) {
        if (!this.edits.some((e) => e.start === removalRange(this.text, moduleMock).start)) {
          this.remove(moduleMock);
          this.settingsDeleted++;
        }
        continue;
      }
      if (!s.statement) continue;
      const block = s.statement.parent;
      if (ts.isBlock(block) && this.isHookBody(block)) {
        emptied.set(block, (emptied.get(block) ?? 0) + 1);
        if (emptied.get(block) === block.statements.length) {
          this.remove(block.parent.parent.parent as ts.ExpressionStatement);
          this.settingsDeleted++;
          continue;
        }
      }
      this.remove(s.statement);
      this.settingsDeleted++;
    }
  }

  /**
   * Overrides of the kept value (`experimental: { flags: { newNav: true } }`) configure what the
   * code no longer reads: the property goes (an object left empty stays as `{}`: an explicit
   * empty override may differ from none). Not in `each` rows (the callback destructures them)
   * nor in module mocks (see moduleMockOf).
   */
  private deleteOverrides(): void {
    const byObject = new Map<ts.ObjectLiteralExpression, ts.Node[]>();
    for (const s of this.settings) {
      if (!s.override || s.statement || !('fixed' in s.value) || sameValue(s.value.fixed, this.kept) !== true) continue;
      const object = s.node.parent as ts.ObjectLiteralExpression;
      if (this.inTable(object) || this.inModuleMock(object)) continue;
      byObject.set(object, [...(byObject.get(object) ?? []), s.node]);
    }
    for (const [object, properties] of byObject) {
      if (this.covered(object.getStart(), object.getEnd())) continue;
      if (properties.length === object.properties.length) {
        this.edits.push({ start: object.getStart(), end: object.getEnd(), parts: ['{}'] });
      } else {
        for (const p of properties) this.edits.push(removeListMember(this.text, p));
      }
      this.settingsDeleted += properties.length;
    }
  }

  private covered(start: number, end: number): boolean {
    return this.edits.some((e) => e.start <= start && end <= e.end);
  }

  private inTable(n: ts.Node): boolean {
    return flatten(this.blocks).some((b) => b.table && within(n, b.table));
  }

  private inModuleMock(n: ts.Node): boolean {
    for (let up: ts.Node | undefined = n; up; up = up.parent) if (isModuleMock(up)) return true;
    return false;
  }

  private isGone(b: Block, verdicts: Map<Block, Verdict>): boolean {
    return verdicts.get(b) === 'dead';
  }

  /** `vi.mock('./flags', () => ({ useNewNav: () => true }))` made only of this flag's stubs: the whole statement. */
  private moduleMockOf(s: FlagSetting): ts.ExpressionStatement | undefined {
    for (let n: ts.Node = s.node; n.parent; n = n.parent) {
      if (!isModuleMock(n)) continue;
      const factory = n.arguments[1];
      const object = factory && ts.isArrowFunction(factory) && !ts.isBlock(factory.body) ? skipOuter(factory.body) : undefined;
      if (!object || !ts.isObjectLiteralExpression(object) || object.properties.length === 0) return undefined;
      const stubs = new Set(this.settings.map((x) => x.node));
      if (!object.properties.every((p) => stubs.has(p))) return undefined;
      return ts.isExpressionStatement(n.parent) ? n.parent : undefined;
    }
    return undefined;
  }

  /** A setting that is a statement of an `afterEach` / `afterAll` / `after` hook's body. */
  private isTeardown(s: FlagSetting): boolean {
    const block = s.statement?.parent;
    if (!block || !ts.isBlock(block) || !this.isHookBody(block)) return false;
    return TEARDOWN_HOOKS.has(calleeName(block.parent.parent as ts.CallExpression) ?? '');
  }

  private isHookBody(block: ts.Block): boolean {
    const fn = block.parent;
    const call = fn?.parent;
    return !!call && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(call) && HOOKS.has(calleeName(call) ?? '') && ts.isExpressionStatement(call.parent);
  }

  /**
   * The test or describe a setting holds for: the test it is in; the describe whose body or hook
   * it is in; the file for a module mock or a top-level hook. Null inside a helper function: which
   * tests it affects is not known.
   */
  private ownerOf(node: ts.Node): Block | 'file' | null {
    let helper = false;
    for (let n: ts.Node = node; n.parent; n = n.parent) {
      // Module mocks are hoisted: they hold for the whole file wherever they are written.
      if (isModuleMock(n)) return 'file';
      if (ts.isFunctionDeclaration(n) || ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && !ts.isCallExpression(n.parent))) helper = true;
      if (ts.isExpressionStatement(n)) {
        const block = this.blockOf(n);
        if (block) return helper ? null : block;
        const call = skipOuter(n.expression);
        if (ts.isCallExpression(call) && HOOKS.has(calleeName(call) ?? '')) {
          if (helper) return null;
          const scope = this.enclosingDescribe(n);
          return scope ?? 'file';
        }
      }
      if (ts.isSourceFile(n.parent) && !helper) return null;
    }
    return null;
  }

  private blockOf(statement: ts.ExpressionStatement): Block | undefined {
    return flatten(this.blocks).find((b) => b.statement === statement);
  }

  private enclosingDescribe(n: ts.Node): Block | undefined {
    for (let up = n.parent; up; up = up.parent) {
      if (ts.isExpressionStatement(up)) {
        const b = this.blockOf(up);
        if (b) return b;
      }
    }
    return undefined;
  }

  private remove(node: ts.Node): void {
    const r = removalRange(this.text, node);
    if (this.edits.some((e) => e.start <= r.start && r.end <= e.end)) return;
    // A larger removal swallows the ones inside it.
    for (let i = this.edits.length - 1; i >= 0; i--) if (r.start <= this.edits[i].start && this.edits[i].end <= r.end) this.edits.splice(i, 1);
    this.edits.push({ start: r.start, end: r.end, parts: [''] });
  }

  private line(node: ts.Node): number {
    return this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf)).line + 1;
  }
}
