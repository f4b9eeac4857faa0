import path from 'node:path';
import { ts } from 'ts-morph';
import { accessorName, type Diagnostic, type FlagdebtConfig, type FlagValue } from '@flagdebt/core';
import { PathRules } from '@flagdebt/core/files';
import type { SourceSet } from '../removal/source-set.js';
import { tidyBlankLines } from '../edit/blank-lines.js';
import { removalRange } from '../edit/layout.js';
import { applyEdits, type Edit } from '../edit/text-edits.js';
import { parse } from '../fold/fold-engine.js';
import { removeListMember } from './key-declarations.js';
import { calleeName, flagSettings, FlagNames, sameValue, skipOuter, type FlagSetting } from './test-settings.js';

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
  deletedTests: Array<{ title: string; line: number }>;
  /** Settings deleted from tests of the kept side. */
  settingsDeleted: number;
}

interface Block {
  kind: 'test' | 'describe';
  statement: ts.ExpressionStatement;
  title: string;
  body?: ts.ConciseBody;
  /** `it.each([...])`: the table whose rows may be of either side. */
  table?: ts.ArrayLiteralExpression;
  children: Block[];
  /** Hooks (`beforeEach`) of a describe: settings there hold for all its tests. */
  hooks: ts.ExpressionStatement[];
}

const TESTS = new Set(['it', 'test', 'specify', 'fit', 'xit', 'xtest']);
const DESCRIBES = new Set(['describe', 'context', 'suite', 'fdescribe', 'xdescribe']);
const HOOKS = new Set(['beforeEach', 'beforeAll', 'before', 'afterEach', 'afterAll', 'after']);
const MOCK_MODULE = new Set(['mock', 'doMock']);

type Verdict = 'dead' | 'live' | 'mixed' | 'none';

export function deleteDeadTests(file: string, text: string, flags: Array<{ names: FlagNames; value: FlagValue }>, isAccessor: (callee: string) => boolean): DeadTestsOutcome | null {
  let current = text;
  const deletedTests: DeadTestsOutcome['deletedTests'] = [];
  let settingsDeleted = 0;
  // One flag at a time: each pass re-parses what the previous one left.
  for (const flag of flags) {
    const sf = parse(file, current);
    const settings = flagSettings(sf, flag.names, isAccessor);
    if (settings.length === 0) continue;
    const pass = new FilePass(sf, current, settings, flag.value);
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

  private verdictOf(scope: Block | 'file'): Verdict {
    const own = this.settings.filter((s) => this.owner.get(s) === scope);
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
        for (const t of [b, ...flatten(b.children)].filter((x) => x.kind === 'test')) this.deleted.push({ title: t.title, line: this.line(t.statement) });
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
      if (!moduleMock && sameValue(s.value.fixed, this.kept) !== true) continue;
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

/** The tests and describes among `statements`, with their nested ones. */
function blocksIn(statements: ts.NodeArray<ts.Statement>): Block[] {
  const out: Block[] = [];
  for (const s of statements) {
    if (!ts.isExpressionStatement(s)) continue;
    const call = skipOuter(s.expression);
    if (!ts.isCallExpression(call)) continue;
    const shape = frameworkCall(call);
    if (!shape) continue;
    const fn = call.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)) as ts.ArrowFunction | ts.FunctionExpression | undefined;
    const title = call.arguments[0] && ts.isStringLiteralLike(call.arguments[0]) ? call.arguments[0].text : call.arguments[0]?.getText() ?? '';
    const body = fn?.body;
    const inner = body && ts.isBlock(body) ? body.statements : undefined;
    const hooks = inner ? inner.filter((x): x is ts.ExpressionStatement => ts.isExpressionStatement(x) && ts.isCallExpression(skipOuter(x.expression)) && HOOKS.has(calleeName(skipOuter(x.expression) as ts.CallExpression) ?? '')) : [];
    out.push({ kind: shape.kind, statement: s, title, body, table: shape.table, children: shape.kind === 'describe' && inner ? blocksIn(inner) : [], hooks });
  }
  return out;
}

/** `it(...)`, `test.only(...)`, `describe.each([...])(...)`, `it.concurrent.each(rows)(...)`. */
function frameworkCall(call: ts.CallExpression): { kind: 'test' | 'describe'; table?: ts.ArrayLiteralExpression } | undefined {
  let callee: ts.Expression = call.expression;
  let table: ts.ArrayLiteralExpression | undefined;
  if (ts.isCallExpression(callee)) {
    if (!ts.isPropertyAccessExpression(callee.expression) || callee.expression.name.text !== 'each') return undefined;
    const arg = callee.arguments[0] && skipOuter(callee.arguments[0]);
    if (arg && ts.isArrayLiteralExpression(arg)) table = arg;
    callee = callee.expression;
  }
  while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  if (!ts.isIdentifier(callee)) return undefined;
  if (TESTS.has(callee.text)) return { kind: 'test', table };
  if (DESCRIBES.has(callee.text)) return { kind: 'describe', table };
  return undefined;
}

/** The name of the top-level function (declaration or `const f = () => ...`) that holds `node`. */
function topLevelHelper(node: ts.Node): string | undefined {
  let fn: ts.Node | undefined;
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) fn = n;
    if (!ts.isSourceFile(n.parent)) continue;
    if (!fn) return undefined;
    if (ts.isFunctionDeclaration(n) && n === fn) return n.name?.text;
    if (ts.isVariableStatement(n)) {
      const d = n.declarationList.declarations.find((v) => v.initializer === fn);
      return d && ts.isIdentifier(d.name) ? d.name.text : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Names called directly in `body` (`renderLegacy()`). */
function calledNames(body: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) out.push(n.expression.text);
    ts.forEachChild(n, visit);
  };
  visit(body);
  return out;
}

/** `vi.mock('./flags', factory)`, `jest.mock(...)`, `vi.doMock(...)`. */
function isModuleMock(n: ts.Node): n is ts.CallExpression {
  if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || !MOCK_MODULE.has(n.expression.name.text)) return false;
  const on = n.expression.expression;
  return ts.isIdentifier(on) && (on.text === 'vi' || on.text === 'jest');
}

function flatten(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...flatten(b.children)]);
}

function within(node: ts.Node, outer: ts.Node): boolean {
  return node.getStart() >= outer.getStart() && node.getEnd() <= outer.getEnd();
}

/** The cell of an `each` row that fills `param` (its position, or its property in an object row). */
function cellOf(row: ts.Expression, param: ts.ParameterDeclaration, property?: string): ts.Expression | undefined {
  const fn = param.parent as ts.SignatureDeclaration;
  const index = fn.parameters.indexOf(param);
  if (ts.isArrayLiteralExpression(row)) {
    const cell = row.elements[index];
    if (!cell || !property) return cell;
    const inner = skipOuter(cell);
    return ts.isObjectLiteralExpression(inner) ? propertyValue(inner, property) : undefined;
  }
  if (ts.isObjectLiteralExpression(row) && index === 0) return property ? propertyValue(row, property) : undefined;
  return index === 0 && !property ? row : undefined;
}

function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) return p.initializer;
  return undefined;
}

function literal(expr: ts.Expression): FlagValue | undefined {
  const e = skipOuter(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  return undefined;
}

export interface TestSweep {
  /** Test files this run edited or deleted (the cascade starts there too: imports the deleted tests used). */
  changed: string[];
  warnings: Diagnostic[];
}

/**
 * Deletes the dead side's tests in every test file (config `tests` globs) that names a removed
 * flag. `words`: names bound to the keys and wrapper names (see candidateFiles).
 */
export function sweepTestFiles(options: {
  config: FlagdebtConfig;
  sources: SourceSet;
  flags: Array<{ key: string; value: FlagValue }>;
  words: Set<string>;
  resolveModule(specifier: string, fromFile: string): string | null;
}): TestSweep {
  const { config, sources } = options;
  const rules = new PathRules(config.root, config);
  const accessors = new Set(config.accessors.map((a) => accessorName(a)));
  const isAccessor = (callee: string) => accessors.has(callee) || options.words.has(callee);
  const flags = options.flags.map((f) => ({ names: new FlagNames(f.key, [...options.words].filter((w) => w !== f.key && !options.flags.some((o) => o.key === w))), value: f.value }));
  const out: TestSweep = { changed: [], warnings: [] };
  for (const file of sources.files().sort()) {
    const text = sources.text(file);
    if (typeof text !== 'string' || !rules.isTest(file) || !flags.some((f) => f.names.mentionedIn(text))) continue;
    let outcome: DeadTestsOutcome | null;
    try {
      outcome = deleteDeadTests(file, text, flags, isAccessor);
    } catch (error) {
      // Pathologically deep code overflows the recursive walks: that file's tests stay.
      if (!(error instanceof RangeError)) throw error;
      continue;
    }
    if (!outcome) continue;
    const relative = path.relative(config.root, file).split(path.sep).join('/');
    if (outcome.text === null) {
      for (const spec of importSpecifiers(parse(file, text))) {
        const target = options.resolveModule(spec, file);
        if (target) out.changed.push(target);
      }
      sources.delete(file);
    } else {
      sources.set(file, outcome.text);
    }
    out.changed.push(file);
    if (outcome.deletedTests.length === 0) continue;
    const first = outcome.deletedTests[0];
    out.warnings.push({
      severity: 'warning',
      code: 'remove/deleted-test',
      file: relative,
      line: first.line,
      column: 1,
      message: `${outcome.text === null ? 'deleted the file: every test in it sets' : `deleted ${outcome.deletedTests.length === 1 ? 'a test that sets' : `${outcome.deletedTests.length} tests that set`}`} the flag to a value it can no longer have (${outcome.deletedTests.map((t) => JSON.stringify(t.title)).join(', ')})`,
      fix: 'check that the kept side is still tested',
    });
  }
  return out;
}

function importSpecifiers(sf: ts.SourceFile): string[] {
  return sf.statements.filter(ts.isImportDeclaration).map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
}
