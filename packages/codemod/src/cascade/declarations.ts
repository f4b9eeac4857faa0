import ts from '../ts-morph-ts.cjs';
import { isPure } from '../fold/fold-context.js';
import { referencesInScope } from '../fold/scope.js';
import { isInertCall, isTestDouble } from './inert-calls.js';

/** A named declaration the cascade may delete once nothing refers to it any more. */
export interface DeclarationRecord {
  /** Stable across edits of the same file: kind, enclosing declarations, name. */
  id: string;
  /**
   * Another declaration has the same id (two `const x` in anonymous callbacks): then before and
   * after cannot be matched reliably, and the cascade leaves both alone.
   */
  ambiguous: boolean;
  name: string;
  kind: 'function' | 'variable' | 'class' | 'type' | 'import' | 'member' | 'binding';
  /** The statement, import specifier/clause, class member or destructured binding to delete. */
  node: ts.Node;
  /** Statements that only write it (`this.flagResolver = config.flagResolver;`): they go with it. */
  writes?: ts.Statement[];
  /** A destructured binding: whether the statement's initializer may go when no name is left. */
  initializerDroppable?: boolean;
  exported: boolean;
  /**
   * The module's default export (`export default function X`, `const X = ...; export default X;`):
   * importers name it `default`, and the `export default X;` statement goes with it (in `writes`).
   */
  defaultExport?: boolean;
  /** A default export that the module also exports by its name (`export const X = ...; export default X;`). */
  namedToo?: boolean;
  /** False when deleting it could drop an effect (an initializer that calls something). */
  removable: boolean;
  /** References in this file, excluding the declaration itself (and recursion inside it). */
  localReferences(): number;
}

/**
 * Factories that only build a value (a component, styles, a context), so `const X = memo(...)`,
 * `const Row = styled.div\`...\``, `const Card = styled(Box)(({ theme }) => ...)` or
 * `const button = cva('btn', {...})` can go when unused. Matched on the callee's first name
 * (`React.memo`, `styled.div`) and through a call of one (`styled(Box)`).
 */
const PURE_FACTORIES = new Set([
  'memo', 'forwardRef', 'lazy', 'React', 'styled', 'css', 'keyframes', 'createGlobalStyle', 'createContext', 'cva', 'tv',
  'makeStyles', 'createStyles', 'withStyles', 'createTheme', 'tss', 'emotionStyled', 'observer',
]);
/** `React.*` factories (React has others, like `React.useState`, that are not). */
const REACT_FACTORIES = new Set(['memo', 'forwardRef', 'lazy', 'createContext']);

export interface CollectOptions {
  /**
   * Hooks that return the flag container (`useUiConfig` for a `uiConfig.flags` accessor): a
   * destructuring of their result whose names all became unused goes as a whole.
   */
  containerHooks?: ReadonlySet<string>;
  /**
   * Consts holding a flag definition (`const showBanner = flag({ ... })` of a `define`
   * accessor), removable although their initializer is a call: defining has no effect.
   */
  definitions?: ReadonlySet<string>;
  /**
   * Consts built to hold a folded read's options (`const cmd = GetFlagCommand.create({ key:
   * Flags.X })`), removable once unused although their initializer is a call: they existed only
   * to be passed to the read, which is gone.
   */
  readOptions?: ReadonlySet<string>;
  /**
   * Whether a constructor parameter can leave with its argument at every construction (see
   * constructor-params.ts). A private field assigned only from a parameter that cannot go
   * stays: deleting it would leave the parameter unread and still passed, which engineers keep.
   */
  parameterCanGo?: (cls: ts.ClassDeclaration, name: string) => boolean;
}

/**
 * `wanted` limits the records to some names (big files have thousands of declarations).
 */
export function collectDeclarations(sf: ts.SourceFile, wanted?: (name: string) => boolean, options: CollectOptions = {}): DeclarationRecord[] {
  const out: DeclarationRecord[] = [];
  const skip = (name: string) => wanted !== undefined && !wanted(name);
  const add = (rec: Omit<DeclarationRecord, 'id' | 'ambiguous'>, chain: string): void => {
    out.push({ ...rec, id: `${rec.kind}:${chain}/${rec.name}`, ambiguous: false });
  };

  const visitList = (list: ts.Node, statements: readonly ts.Statement[], chain: string): void => {
    for (const s of statements) {
      const exported = () => hasModifier(s, ts.SyntaxKind.ExportKeyword);
      const isDefault = () => hasModifier(s, ts.SyntaxKind.DefaultKeyword);
      if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) {
        const name = s.name.text;
        const decorated = ts.canHaveDecorators(s) && (ts.getDecorators(s)?.length ?? 0) > 0;
        if (!skip(name)) {
          const removable = !decorated && (ts.isClassDeclaration(s) || s.body !== undefined);
          add({ name, kind: ts.isFunctionDeclaration(s) ? 'function' : 'class', node: s, exported: exported(), defaultExport: isDefault(), removable, localReferences: () => countRefs(list, name, s) }, chain);
        }
      } else if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s)) {
        const name = s.name.text;
        if (!skip(name)) add({ name, kind: 'type', node: s, exported: exported(), removable: !isDefault(), localReferences: () => countRefs(list, name, s) }, chain);
      } else if (ts.isVariableStatement(s) && s.declarationList.declarations.length === 1) {
        const d = s.declarationList.declarations[0];
        if (ts.isIdentifier(d.name) && !skip(d.name.text)) {
          const name = d.name.text;
          // A `let` that is only assigned any more (a test's `experiments = mock(ExperimentService);`
          // once no constructor receives it) goes with its plain assignments, when they compute nothing.
          const assigned = (s.declarationList.flags & ts.NodeFlags.Const) === 0 ? localWrites(list, name) : [];
          // A test double no code receives any more is only set up (`when(experiments.inExperiment(X)).thenResolve(true);`,
          // `experiments.setup((e) => e.inExperiment(X)).returns(() => true);`): its set-ups go with it.
          const double = [d.initializer, ...assigned.map((w) => ((w as ts.ExpressionStatement).expression as ts.BinaryExpression).right)].some((e) => e !== undefined && isTestDoubleBuild(e));
          const writes = double ? [...assigned, ...mockSetups(list, name)] : assigned;
          const removable =
            (!d.initializer || isPure(d.initializer, isInertCall) || isPureWrapperCall(d.initializer) || ((options.definitions?.has(name) === true || options.readOptions?.has(name) === true || options.readOptions?.has(`${name}\0${d.initializer.getText(sf)}`) === true) && ts.isCallExpression(d.initializer))) &&
            assigned.every((w) => isPure(((w as ts.ExpressionStatement).expression as ts.BinaryExpression).right, isInertCall));
          add({ name, kind: 'variable', node: s, writes, exported: exported(), removable, localReferences: () => countRefsOutside(list, name, [s, ...writes]) }, chain);
        } else if (ts.isObjectBindingPattern(d.name) && d.initializer && !exported()) {
          visitBindings(list, s, d.name, d.initializer, chain);
        }
      } else if (ts.isImportDeclaration(s) && s.importClause) {
        for (const binding of importBindings(s.importClause)) {
          const name = binding.name.text;
          if (!skip(name)) add({ name, kind: 'import', node: binding, exported: false, removable: true, localReferences: () => countRefs(sf, name, binding) }, chain);
        }
      }
      if (ts.isClassDeclaration(s)) visitClass(s, `${chain}/${s.name?.text ?? 'class'}`);
      visitInner(s, chain);
    }
    if (ts.isSourceFile(list)) markDefaultExport(list, chain);
  };

  /**
   * `const LegacyPage = ...; export default LegacyPage;`: the declaration is the module's default
   * export, and the `export default` statement (its only use here) goes with it.
   */
  const markDefaultExport = (sf: ts.SourceFile, chain: string): void => {
    for (const st of sf.statements) {
      if (!ts.isExportAssignment(st) || st.isExportEquals || !ts.isIdentifier(st.expression)) continue;
      const name = st.expression.text;
      const own = out.filter((r) => r.name === name && r.id === `${r.kind}:${chain}/${name}` && r.kind !== 'import' && r.kind !== 'type');
      if (own.length !== 1) continue;
      const rec = own[0];
      const writes = [...(rec.writes ?? []), st];
      Object.assign(rec, { exported: true, defaultExport: true, namedToo: rec.exported, writes, localReferences: () => countRefsOutside(sf, name, [rec.node, ...writes]) });
    }
  };

  /**
   * `const { flags, isLoading } = useUiConfig()`: each name is its own record; the last one of
   * the pattern takes the statement with it when evaluating the initializer can be dropped (pure,
   * or a hook returning the flag container). Nested patterns (`uiConfig: { resourceLimits }`)
   * give their inner names too: an emptied inner pattern leaves its parent (see removal-edits).
   */
  const visitBindings = (list: ts.Node, s: ts.VariableStatement, pattern: ts.ObjectBindingPattern, init: ts.Expression, chain: string): void => {
    const leaves = bindingLeaves(pattern);
    // A rest element's content depends on which properties are named before it.
    if (leaves === undefined) return;
    // A call that handed out a folded read's client (`const { featureFlagService } =
    // useServices({ ... })`) goes with its last name, as `const gb = useGrowthBook()` does.
    const holdsClient = ts.isCallExpression(init) && leaves.some((el) => options.readOptions?.has((el.name as ts.Identifier).text) === true);
    const whole = isPure(init) || isContainerHookCall(init, options.containerHooks) || holdsClient;
    for (const el of leaves) {
      const name = (el.name as ts.Identifier).text;
      if (skip(name)) continue;
      const removable = pathIsPure(el, pattern);
      add({ name, kind: 'binding', node: el, initializerDroppable: whole, exported: false, removable: removable && (whole || leaves.length > 1), localReferences: () => countRefs(list, name, el) }, chain);
    }
  };

  /**
   * `({ gb, user }) => ...` or `constructor({ getLogger, flagResolver }: Pick<...>)` whose
   * `gb` / `flagResolver` only carried the flag: the name leaves the pattern (the parameter's
   * type stays); the last parameter of a callback goes entirely when nothing is left of it.
   */
  const visitParameters = (fn: ts.FunctionLikeDeclaration, chain: string): void => {
    const params = fn.parameters;
    for (const p of params) {
      if (!ts.isObjectBindingPattern(p.name) || p.name.elements.some((e) => e.dotDotDotToken)) continue;
      const callback = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ((ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn)) || ts.isJsxExpression(fn.parent));
      const droppable = callback && p === params[params.length - 1] && !p.initializer;
      for (const el of p.name.elements) {
        if (!ts.isIdentifier(el.name) || skip(el.name.text)) continue;
        const name = el.name.text;
        const removable = (!el.initializer || isPure(el.initializer)) && (p.name.elements.length > 1 || droppable) && (!el.propertyName || !ts.isComputedPropertyName(el.propertyName));
        add({ name, kind: 'binding', node: el, initializerDroppable: droppable, exported: false, removable, localReferences: () => countRefs(fn, name, el) }, `${chain}/(${params.indexOf(p)})`);
      }
    }
  };

  const visitClass = (cls: ts.ClassDeclaration, chain: string): void => {
    for (const m of cls.members) {
      if (!(ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) || !m.name) continue;
      const isPrivate = ts.isPrivateIdentifier(m.name) || hasModifier(m, ts.SyntaxKind.PrivateKeyword);
      if (!isPrivate || !(ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name))) continue;
      const name = m.name.text;
      if (skip(name)) continue;
      // A field that is only ever assigned (`this.flagResolver = config.flagResolver;`) is as
      // unused as one never mentioned: the plain assignments go with it.
      const writes = ts.isPropertyDeclaration(m) ? memberWrites(cls, name) : [];
      const removable =
        (ts.isMethodDeclaration(m) || !m.initializer || isPure(m.initializer)) &&
        writes.every((w) => isPure(((w as ts.ExpressionStatement).expression as ts.BinaryExpression).right, isInertCall)) &&
        writes.every((w) => !carriesParameter(cls, w) || options.parameterCanGo?.(cls, carriesParameter(cls, w)!) === true);
      add({ name, kind: 'member', node: m, writes, exported: false, removable, localReferences: () => countMemberRefs(cls, name, [m, ...writes]) }, chain);
    }
  };

  // Declarations inside function bodies and nested blocks.
  const visitInner = (node: ts.Node, chain: string): void => {
    const next = (n: ts.Node, c: string): void => {
      if (ts.isBlock(n) || ts.isModuleBlock(n)) {
        visitList(n, n.statements, c);
        return;
      }
      const named = (ts.isFunctionLike(n) || ts.isClassLike(n)) && 'name' in n && n.name && ts.isIdentifier(n.name) ? n.name.text : undefined;
      if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n)) && n.body) visitParameters(n, named ? `${c}/${named}` : ts.isConstructorDeclaration(n) ? `${c}/constructor` : c);
      ts.forEachChild(n, (child) => next(child, named ? `${c}/${named}` : c));
    };
    ts.forEachChild(node, (child) => next(child, chainFor(node, chain)));
  };

  visitList(sf, sf.statements, '');
  const counts = new Map<string, number>();
  for (const d of out) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
  for (const d of out) d.ambiguous = counts.get(d.id)! > 1;
  return out;
}

function chainFor(node: ts.Node, chain: string): string {
  if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) return `${chain}/${node.name.text}`;
  if (ts.isVariableStatement(node)) {
    const d = node.declarationList.declarations[0];
    if (d && ts.isIdentifier(d.name)) return `${chain}/${d.name.text}`;
  }
  return chain;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/** `useUiConfig()` for a `uiConfig` accessor root. */
function isContainerHookCall(init: ts.Expression, hooks: ReadonlySet<string> | undefined): boolean {
  let e = init;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return hooks !== undefined && ts.isCallExpression(e) && ts.isIdentifier(e.expression) && hooks.has(e.expression.text) && e.arguments.every((a) => isPure(a));
}

/** Statements `this.name = value;` (plain assignments) anywhere in the class. */
function memberWrites(cls: ts.ClassDeclaration, name: string): ts.Statement[] {
  const out: ts.Statement[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isExpressionStatement(node) &&
      ts.isBinaryExpression(node.expression) &&
      node.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.expression.left) &&
      node.expression.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      node.expression.left.name.text === name &&
      (ts.isBlock(node.parent) || ts.isSourceFile(node.parent))
    ) {
      out.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(cls);
  return out;
}

/**
 * The identifier elements of an object pattern, nested object patterns included; undefined when
 * one of them has a rest element or an array pattern (what is left of it would change meaning).
 */
function bindingLeaves(pattern: ts.ObjectBindingPattern): ts.BindingElement[] | undefined {
  const out: ts.BindingElement[] = [];
  for (const el of pattern.elements) {
    if (el.dotDotDotToken || ts.isArrayBindingPattern(el.name)) return undefined;
    if (ts.isIdentifier(el.name)) {
      out.push(el);
      continue;
    }
    const inner = bindingLeaves(el.name);
    if (inner === undefined) return undefined;
    out.push(...inner);
  }
  return out;
}

/** Dropping the element and every pattern around it (up to `root`) evaluates nothing with effects. */
function pathIsPure(el: ts.BindingElement, root: ts.ObjectBindingPattern): boolean {
  let e: ts.Node = el;
  while (ts.isBindingElement(e)) {
    if (e.initializer && !isPure(e.initializer)) return false;
    if (e.propertyName && ts.isComputedPropertyName(e.propertyName) && !isPure(e.propertyName.expression)) return false;
    if (e.parent === root) return true;
    e = e.parent.parent;
  }
  return true;
}

/**
 * `this.flagResolver = flagResolver;` in the constructor, where `flagResolver` is a plain
 * parameter read nowhere else: its name (deleting the field orphans the parameter).
 */
function carriesParameter(cls: ts.ClassDeclaration, write: ts.Statement): string | undefined {
  const right = ((write as ts.ExpressionStatement).expression as ts.BinaryExpression).right;
  const ctor = write.parent.parent;
  if (!ts.isIdentifier(right) || !ts.isConstructorDeclaration(ctor) || ctor.parent !== cls) return undefined;
  const param = ctor.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === right.text);
  if (!param || ts.getModifiers(param)?.length) return undefined;
  return referencesInScope(ctor.body!, right.text).length === 1 ? right.text : undefined;
}

function isPureWrapperCall(init: ts.Expression): boolean {
  let e = init;
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isTaggedTemplateExpression(e)) return isFactoryCallee(e.tag) && (ts.isNoSubstitutionTemplateLiteral(e.template) || e.template.templateSpans.every((s) => isPure(s.expression) || isPureWrapperCall(s.expression)));
  return ts.isCallExpression(e) && isFactoryCallee(e.expression) && e.arguments.every((a) => isPure(a) || isPureWrapperCall(a));
}

function isFactoryCallee(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text !== 'React' && PURE_FACTORIES.has(callee.text);
  if (ts.isPropertyAccessExpression(callee)) {
    if (ts.isIdentifier(callee.expression) && callee.expression.text === 'React') return REACT_FACTORIES.has(callee.name.text);
    // `styled.div`, `styled.button.attrs(...)`: the chain must start at a factory.
    return isFactoryCallee(callee.expression) || (ts.isIdentifier(callee.expression) && PURE_FACTORIES.has(callee.expression.text));
  }
  // `styled(Box)` then called or tagged; `styled(Box)<Props>` is the same call.
  return ts.isCallExpression(callee) && isPureWrapperCall(callee);
}

export type ImportBinding = ts.ImportClause | ts.ImportSpecifier | ts.NamespaceImport;

export function importBindings(clause: ts.ImportClause): Array<ImportBinding & { name: ts.Identifier }> {
  const out: Array<ImportBinding & { name: ts.Identifier }> = [];
  if (clause.name) out.push(clause as ts.ImportClause & { name: ts.Identifier });
  const nb = clause.namedBindings;
  if (nb && ts.isNamespaceImport(nb)) out.push(nb);
  else if (nb) out.push(...nb.elements);
  return out;
}

function countRefs(scope: ts.Node, name: string, own: ts.Node): number {
  return referencesInScope(scope, name, { types: true }).filter((id) => !(id.pos >= own.pos && id.end <= own.end)).length;
}

/** `mock(ExperimentService)`, `typemoq.Mock.ofType<T>()`, `jest.fn()`: a test double's construction. */
function isTestDoubleBuild(e: ts.Expression): boolean {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
  return ts.isCallExpression(x) && isTestDouble(x);
}

/** Set-up calls of mocking libraries: ts-mockito `when(...)`/`verify(...)`, typemoq `x.setup(...)`/`x.verify(...)`. */
const SETUP_CALLS = new Set(['when', 'verify']);
const SETUP_METHODS = new Set(['setup', 'verify']);

/**
 * The statements that only set up or verify the double `name`: a chain (`when(name.m(K)).thenResolve(v);`,
 * `name.setup((e) => e.m(K)).returns(() => true);`) whose innermost call is the set-up, with every
 * mention of `name` inside it. Other statements that mention it are left to count as uses.
 */
function mockSetups(scope: ts.Node, name: string): ts.Statement[] {
  const refs = referencesInScope(scope, name);
  const within = (node: ts.Node): number => refs.filter((id) => id.pos >= node.pos && id.end <= node.end).length;
  const out = new Set<ts.Statement>();
  for (const id of refs) {
    let statement: ts.Node = id;
    while (!ts.isExpressionStatement(statement) && !ts.isSourceFile(statement) && !ts.isBlock(statement)) statement = statement.parent;
    if (!ts.isExpressionStatement(statement) || !(ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent))) continue;
    let e: ts.Expression = statement.expression;
    while (ts.isAwaitExpression(e) || (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isCallExpression(e.expression.expression))) {
      e = ts.isAwaitExpression(e) ? e.expression : (e.expression as ts.PropertyAccessExpression).expression;
    }
    if (!ts.isCallExpression(e)) continue;
    const callee = e.expression;
    const setup =
      (ts.isIdentifier(callee) && SETUP_CALLS.has(callee.text) && e.arguments.length === 1 && id.pos >= e.arguments[0].pos && id.end <= e.arguments[0].end) ||
      (ts.isPropertyAccessExpression(callee) && SETUP_METHODS.has(callee.name.text) && callee.expression === id);
    if (setup && within(statement) === within(e)) out.add(statement);
  }
  return [...out];
}

function countRefsOutside(scope: ts.Node, name: string, own: readonly ts.Node[]): number {
  return referencesInScope(scope, name, { types: true }).filter((id) => !own.some((o) => id.pos >= o.pos && id.end <= o.end)).length;
}

/** Statements `name = value;` for the variable `name` declared in `scope` (its own, not a shadowing one). */
function localWrites(scope: ts.Node, name: string): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (const id of referencesInScope(scope, name)) {
    const assignment = id.parent;
    if (!ts.isBinaryExpression(assignment) || assignment.left !== id || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const statement = assignment.parent;
    if (ts.isExpressionStatement(statement) && (ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent))) out.push(statement);
  }
  return out;
}

function countMemberRefs(cls: ts.ClassDeclaration, name: string, own: ts.Node[]): number {
  let n = 0;
  const visit = (node: ts.Node): void => {
    if (own.some((o) => node.pos >= o.pos && node.end <= o.end)) return;
    if (ts.isPropertyAccessExpression(node) && node.name.text === name) n++;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression) && node.argumentExpression.text === name) n++;
    ts.forEachChild(node, visit);
  };
  visit(cls);
  return n;
}
