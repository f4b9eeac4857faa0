import ts from '../typescript.cjs';
import { bindingNames, collectStatementDecls, declaresMeaning } from './module-symbols.js';
import type { LocalDecl, Meaning, ModuleSymbols } from './module-symbols.js';

/**
 * Lexical lookup of a name from a use site, innermost scope first, so a parameter or inner
 * `let` that shadows a module-level `const` is found instead of it. Iterative: deep nesting
 * cannot overflow the stack.
 */
export class ScopeLookup {
  private readonly blockDecls = new WeakMap<ts.Node, Map<string, LocalDecl[]>>();

  lookup(name: string, from: ts.Node, file: string, meaning: Meaning, topLevel: ModuleSymbols): LocalDecl | undefined {
    let node: ts.Node | undefined = from.parent;
    let child: ts.Node = from;
    while (node) {
      if (ts.isSourceFile(node)) return pick(topLevel.locals.get(name), meaning);
      const found = this.declaredIn(node, child, name, file, meaning);
      if (found) return found;
      child = node;
      node = node.parent;
    }
    return undefined;
  }

  private declaredIn(node: ts.Node, child: ts.Node, name: string, file: string, meaning: Meaning): LocalDecl | undefined {
    if (ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      return pick(this.statementsDecls(node, node.statements, file).get(name), meaning);
    }
    if (ts.isCaseBlock(node)) {
      // `case` clauses share one scope.
      const merged = new Map<string, LocalDecl[]>();
      for (const clause of node.clauses) for (const s of clause.statements) collectStatementDecls(s, file, merged);
      return pick(merged.get(name), meaning);
    }
    if (ts.isFunctionLike(node)) {
      const fn = node as ts.SignatureDeclaration;
      if (meaning === 'value') {
        for (let i = 0; i < fn.parameters.length; i++) {
          const p = fn.parameters[i];
          if (ts.isIdentifier(p.name)) {
            if (p.name.text === name) return { kind: 'param', file, decl: p, index: i, fn };
          } else if (bindingNames(p.name).includes(name)) {
            return { kind: 'other', file, param: p };
          }
        }
        if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name?.text === name && child !== node.name) {
          return { kind: 'other', file };
        }
      } else if (fn.typeParameters?.some((t) => t.name.text === name)) {
        return { kind: 'other', file };
      }
      return undefined;
    }
    if ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
      if (meaning === 'value' && node.initializer.declarations.some((d) => bindingNames(d.name).includes(name))) return { kind: 'other', file };
      return undefined;
    }
    if (ts.isCatchClause(node) && node.variableDeclaration && meaning === 'value') {
      if (bindingNames(node.variableDeclaration.name).includes(name)) return { kind: 'other', file };
    }
    if (ts.isClassExpression(node) && node.name?.text === name) return { kind: 'other', file };
    return undefined;
  }

  private statementsDecls(node: ts.Node, statements: ts.NodeArray<ts.Statement>, file: string): Map<string, LocalDecl[]> {
    let map = this.blockDecls.get(node);
    if (!map) {
      map = new Map();
      for (const s of statements) collectStatementDecls(s, file, map);
      this.blockDecls.set(node, map);
    }
    return map;
  }
}

function pick(list: LocalDecl[] | undefined, meaning: Meaning): LocalDecl | undefined {
  return list?.find((d) => declaresMeaning(d, meaning));
}
