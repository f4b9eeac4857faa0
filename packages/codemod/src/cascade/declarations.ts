import { ts } from 'ts-morph';
import { isPure } from '../fold/fold-context.js';
import { referencesInScope } from '../fold/scope.js';

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
  kind: 'function' | 'variable' | 'class' | 'type' | 'import' | 'member';
  /** The statement, import specifier/clause or class member to delete. */
  node: ts.Node;
  exported: boolean;
  /** False when deleting it could drop an effect (an initializer that calls something) or a default export. */
  removable: boolean;
  /** References in this file, excluding the declaration itself (and recursion inside it). */
  localReferences(): number;
}

/** Calls that only wrap a component, so `const X = memo(() => ...)` can go when unused. */
const PURE_WRAPPERS = new Set(['memo', 'forwardRef', 'lazy', 'React.memo', 'React.forwardRef', 'React.lazy']);

/** `wanted` limits the records to some names (big files have thousands of declarations). */
export function collectDeclarations(sf: ts.SourceFile, wanted?: (name: string) => boolean): DeclarationRecord[] {
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
          const removable = !isDefault() && !decorated && (ts.isClassDeclaration(s) || s.body !== undefined);
          add({ name, kind: ts.isFunctionDeclaration(s) ? 'function' : 'class', node: s, exported: exported(), removable, localReferences: () => countRefs(list, name, s) }, chain);
        }
      } else if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s)) {
        const name = s.name.text;
        if (!skip(name)) add({ name, kind: 'type', node: s, exported: exported(), removable: !isDefault(), localReferences: () => countRefs(list, name, s) }, chain);
      } else if (ts.isVariableStatement(s) && s.declarationList.declarations.length === 1) {
        const d = s.declarationList.declarations[0];
        if (ts.isIdentifier(d.name) && !skip(d.name.text)) {
          const name = d.name.text;
          const removable = !d.initializer || isPure(d.initializer) || isPureWrapperCall(d.initializer);
          add({ name, kind: 'variable', node: s, exported: exported(), removable, localReferences: () => countRefs(list, name, s) }, chain);
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
  };

  const visitClass = (cls: ts.ClassDeclaration, chain: string): void => {
    for (const m of cls.members) {
      if (!(ts.isMethodDeclaration(m) || ts.isPropertyDeclaration(m)) || !m.name) continue;
      const isPrivate = ts.isPrivateIdentifier(m.name) || hasModifier(m, ts.SyntaxKind.PrivateKeyword);
      if (!isPrivate || !(ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name))) continue;
      const name = m.name.text;
      if (skip(name)) continue;
      const removable = ts.isMethodDeclaration(m) || !m.initializer || isPure(m.initializer);
      add({ name, kind: 'member', node: m, exported: false, removable, localReferences: () => countMemberRefs(cls, name, m) }, chain);
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

function isPureWrapperCall(init: ts.Expression): boolean {
  return ts.isCallExpression(init) && PURE_WRAPPERS.has(init.expression.getText()) && init.arguments.every((a) => isPure(a));
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

function countMemberRefs(cls: ts.ClassDeclaration, name: string, own: ts.Node): number {
  let n = 0;
  const visit = (node: ts.Node): void => {
    if (node.pos >= own.pos && node.end <= own.end) return;
    if (ts.isPropertyAccessExpression(node) && node.name.text === name) n++;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression) && node.argumentExpression.text === name) n++;
    ts.forEachChild(node, visit);
  };
  visit(cls);
  return n;
}
