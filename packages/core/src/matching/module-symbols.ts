import ts from '../typescript.cjs';
import { hasDefaultModifier, hasExportModifier } from './syntax.js';

/** A name declared in some scope, before imports are followed. */
export type LocalDecl =
  | { kind: 'import'; file: string; specifier: string; imported: string }
  | { kind: 'var'; file: string; decl: ts.VariableDeclaration; isConst: boolean }
  /** A name bound by object destructuring: `const { newSearch } = FLAGS`. */
  | { kind: 'binding'; file: string; element: ts.BindingElement; isConst: boolean }
  | { kind: 'enum'; file: string; decl: ts.EnumDeclaration }
  | { kind: 'function'; file: string; decl: ts.FunctionDeclaration }
  | { kind: 'type'; file: string; decl: ts.TypeAliasDeclaration }
  /** `import * as ns` that resolved to a project file. */
  | { kind: 'namespace'; file: string; target: string }
  | { kind: 'param'; file: string; decl: ts.ParameterDeclaration; index: number; fn: ts.SignatureDeclaration }
  /** Anything we cannot see through (let, class, destructured name, catch variable...). */
  | { kind: 'other'; file: string };

export type Meaning = 'value' | 'type';

export type ExportEntry =
  | { kind: 'local'; name: string }
  | { kind: 'reexport'; specifier: string; name: string }
  | { kind: 'expression'; expr: ts.Expression };

/** Top-level declarations and exports of one module. */
export interface ModuleSymbols {
  locals: Map<string, LocalDecl[]>;
  exports: Map<string, ExportEntry>;
  /** `export * from '...'` specifiers, in order. */
  starExports: string[];
  /** Every module specifier imported or re-exported (for `from` matching). */
  importedModules: Set<string>;
}

export function declaresMeaning(d: LocalDecl, meaning: Meaning): boolean {
  switch (d.kind) {
    case 'type':
      return meaning === 'type';
    case 'var':
    case 'binding':
    case 'function':
    case 'param':
      return meaning === 'value';
    default:
      return true;
  }
}

function add(map: Map<string, LocalDecl[]>, name: string, d: LocalDecl): void {
  const list = map.get(name);
  if (list) list.push(d);
  else map.set(name, [d]);
}

/** Adds the names a statement declares in its block (shared with nested block scopes). */
export function collectStatementDecls(stmt: ts.Statement, file: string, into: Map<string, LocalDecl[]>): void {
  if (ts.isVariableStatement(stmt)) {
    const isConst = (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const decl of stmt.declarationList.declarations) {
      const required = isConst ? requiredModule(decl.initializer) : undefined;
      if (required !== undefined) addRequire(decl.name, file, required, into);
      else if (ts.isIdentifier(decl.name)) add(into, decl.name.text, { kind: 'var', file, decl, isConst });
      else addBindings(decl.name, file, isConst, into);
    }
  } else if (ts.isFunctionDeclaration(stmt) && stmt.name) {
    add(into, stmt.name.text, { kind: 'function', file, decl: stmt });
  } else if (ts.isEnumDeclaration(stmt)) {
    add(into, stmt.name.text, { kind: 'enum', file, decl: stmt });
  } else if (ts.isTypeAliasDeclaration(stmt)) {
    add(into, stmt.name.text, { kind: 'type', file, decl: stmt });
  } else if ((ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isModuleDeclaration(stmt)) && stmt.name && ts.isIdentifier(stmt.name)) {
    add(into, stmt.name.text, { kind: 'other', file });
  } else if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
    const specifier = stmt.moduleSpecifier.text;
    const clause = stmt.importClause;
    if (!clause) return;
    if (clause.name) add(into, clause.name.text, { kind: 'import', file, specifier, imported: 'default' });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      add(into, bindings.name.text, { kind: 'import', file, specifier, imported: '*' });
    } else if (bindings) {
      for (const el of bindings.elements) {
        const imported = el.propertyName ? el.propertyName.text : el.name.text;
        add(into, el.name.text, { kind: 'import', file, specifier, imported });
      }
    }
  } else if (ts.isImportEqualsDeclaration(stmt)) {
    add(into, stmt.name.text, { kind: 'other', file });
  }
}

/** `require('x')` (CommonJS): the specifier, else undefined. */
export function requiredModule(expr: ts.Expression | undefined): string | undefined {
  if (!expr || !ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression) || expr.expression.text !== 'require') return undefined;
  const [arg] = expr.arguments;
  return expr.arguments.length === 1 && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

/**
 * `const { X, Y: Z } = require('x')` binds like `import { X, Y as Z } from 'x'`, and
 * `const ns = require('x')` like `import * as ns`; nested patterns bind what we cannot follow.
 */
function addRequire(name: ts.BindingName, file: string, specifier: string, into: Map<string, LocalDecl[]>): void {
  if (ts.isIdentifier(name)) {
    add(into, name.text, { kind: 'import', file, specifier, imported: '*' });
    return;
  }
  for (const el of name.elements) {
    if (ts.isOmittedExpression(el)) continue;
    const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
    if (ts.isObjectBindingPattern(name) && !el.dotDotDotToken && ts.isIdentifier(el.name) && imported !== undefined) {
      add(into, el.name.text, { kind: 'import', file, specifier, imported });
    } else {
      for (const n of bindingNames(el.name)) add(into, n, { kind: 'other', file });
    }
  }
}

/** Object-pattern names keep their element (their key may resolve); array-pattern names do not. */
function addBindings(pattern: ts.BindingPattern, file: string, isConst: boolean, into: Map<string, LocalDecl[]>): void {
  const stack: ts.BindingPattern[] = [pattern];
  while (stack.length > 0) {
    const p = stack.pop()!;
    for (const el of p.elements) {
      if (ts.isOmittedExpression(el)) continue;
      if (!ts.isIdentifier(el.name)) stack.push(el.name);
      else if (ts.isObjectBindingPattern(p) && !el.dotDotDotToken) add(into, el.name.text, { kind: 'binding', file, element: el, isConst });
      else add(into, el.name.text, { kind: 'other', file });
    }
  }
}

export function bindingNames(name: ts.BindingName): string[] {
  const out: string[] = [];
  const stack: ts.BindingName[] = [name];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n)) out.push(n.text);
    else for (const el of n.elements) if (!ts.isOmittedExpression(el)) stack.push(el.name);
  }
  return out;
}

export function buildModuleSymbols(sf: ts.SourceFile, file: string): ModuleSymbols {
  const locals = new Map<string, LocalDecl[]>();
  const exports = new Map<string, ExportEntry>();
  const starExports: string[] = [];
  const importedModules = new Set<string>();
  for (const stmt of sf.statements) {
    collectStatementDecls(stmt, file, locals);
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) importedModules.add(stmt.moduleSpecifier.text);
    if (ts.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        const required = requiredModule(decl.initializer);
        if (required !== undefined) importedModules.add(required);
      }
    }
    if (ts.isExportDeclaration(stmt)) {
      const spec = stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier) ? stmt.moduleSpecifier.text : undefined;
      if (spec !== undefined) importedModules.add(spec);
      const clause = stmt.exportClause;
      if (!clause) {
        if (spec !== undefined) starExports.push(spec);
      } else if (ts.isNamespaceExport(clause)) {
        if (spec !== undefined) exports.set(clause.name.text, { kind: 'reexport', specifier: spec, name: '*' });
      } else {
        for (const el of clause.elements) {
          const inner = el.propertyName ? el.propertyName.text : el.name.text;
          exports.set(el.name.text, spec !== undefined ? { kind: 'reexport', specifier: spec, name: inner } : { kind: 'local', name: inner });
        }
      }
    } else if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) {
      const e = stmt.expression;
      exports.set('default', ts.isIdentifier(e) ? { kind: 'local', name: e.text } : { kind: 'expression', expr: e });
    } else if (hasExportModifier(stmt)) {
      if (hasDefaultModifier(stmt)) {
        const name = (stmt as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) exports.set('default', { kind: 'local', name: name.text });
      } else if (ts.isVariableStatement(stmt)) {
        for (const decl of stmt.declarationList.declarations) for (const n of bindingNames(decl.name)) exports.set(n, { kind: 'local', name: n });
      } else {
        const name = (stmt as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) exports.set(name.text, { kind: 'local', name: name.text });
      }
    }
  }
  return { locals, exports, starExports, importedModules };
}
