import ts from '../typescript.cjs';
import { hasDefaultModifier, hasExportModifier, skipOuterExpressions } from './syntax.js';

/** A name declared in some scope, before imports are followed. */
export type LocalDecl =
  | { kind: 'import'; file: string; specifier: string; imported: string }
  | { kind: 'var'; file: string; decl: ts.VariableDeclaration; isConst: boolean }
  /** A name bound by object destructuring: `const { newSearch } = FLAGS`. */
  | { kind: 'binding'; file: string; element: ts.BindingElement; isConst: boolean }
  | { kind: 'enum'; file: string; decl: ts.EnumDeclaration }
  | { kind: 'function'; file: string; decl: ts.FunctionDeclaration }
  /** Its methods may be wrappers (`svc.isNewNav()` on a receiver typed or built as the class). */
  | { kind: 'class'; file: string; decl: ts.ClassDeclaration }
  | { kind: 'type'; file: string; decl: ts.TypeAliasDeclaration }
  /** `import * as ns` that resolved to a project file. */
  | { kind: 'namespace'; file: string; target: string }
  | { kind: 'param'; file: string; decl: ts.ParameterDeclaration; index: number; fn: ts.SignatureDeclaration }
  /**
   * Anything we cannot see through (let, class, destructured name, catch variable...). `param`:
   * the parameter a destructured name is bound by (`({ gb }) => gb.isOn(k)`), whose type may
   * still say where its value comes from.
   */
  | { kind: 'other'; file: string; param?: ts.ParameterDeclaration };

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
      if (isConst && decl.initializer && addRequire(decl.name, decl.initializer, file, into)) continue;
      if (ts.isIdentifier(decl.name)) add(into, decl.name.text, { kind: 'var', file, decl, isConst });
      else addBindings(decl.name, file, isConst, into);
    }
  } else if (ts.isFunctionDeclaration(stmt) && stmt.name) {
    add(into, stmt.name.text, { kind: 'function', file, decl: stmt });
  } else if (ts.isEnumDeclaration(stmt)) {
    add(into, stmt.name.text, { kind: 'enum', file, decl: stmt });
  } else if (ts.isTypeAliasDeclaration(stmt)) {
    add(into, stmt.name.text, { kind: 'type', file, decl: stmt });
  } else if (ts.isClassDeclaration(stmt) && stmt.name) {
    add(into, stmt.name.text, { kind: 'class', file, decl: stmt });
  } else if ((ts.isInterfaceDeclaration(stmt) || ts.isModuleDeclaration(stmt)) && stmt.name && ts.isIdentifier(stmt.name)) {
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

/**
 * The module `require('spec')` (or `require('spec').name`) loads, with the export it picks
 * (`*` for the whole module).
 */
export function requiredModule(init: ts.Expression): { specifier: string; imported: string } | undefined {
  let e = skipOuterExpressions(init);
  let imported = '*';
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) {
    imported = e.name.text;
    e = skipOuterExpressions(e.expression);
  }
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== 'require' || e.arguments.length !== 1) return undefined;
  const arg = e.arguments[0];
  if (!ts.isStringLiteral(arg) && !ts.isNoSubstitutionTemplateLiteral(arg)) return undefined;
  return { specifier: arg.text, imported };
}

/**
 * A const bound to a CommonJS require reads like an import: `const flags = require('./flags')`
 * is `import * as flags`, `const { A, B: b } = require('x')` is `import { A, B as b }`.
 * Nested or rest patterns are left to the ordinary rules (false).
 */
function addRequire(name: ts.BindingName, init: ts.Expression, file: string, into: Map<string, LocalDecl[]>): boolean {
  const req = requiredModule(init);
  if (!req) return false;
  if (ts.isIdentifier(name)) {
    add(into, name.text, { kind: 'import', file, specifier: req.specifier, imported: req.imported });
    return true;
  }
  if (!ts.isObjectBindingPattern(name) || req.imported !== '*') return false;
  const simple = name.elements.every((el) => !el.dotDotDotToken && ts.isIdentifier(el.name) && (!el.propertyName || ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName)));
  if (!simple) return false;
  for (const el of name.elements) {
    const local = (el.name as ts.Identifier).text;
    const imported = el.propertyName ? (el.propertyName as ts.Identifier | ts.StringLiteral).text : local;
    add(into, local, { kind: 'import', file, specifier: req.specifier, imported });
  }
  return true;
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
      for (const d of stmt.declarationList.declarations) {
        const req = d.initializer && requiredModule(d.initializer);
        if (req) importedModules.add(req.specifier);
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
