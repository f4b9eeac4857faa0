import ts from '../typescript.cjs';
import type { KeyResolver } from './key-resolver.js';
import { skipOuterExpressions } from './syntax.js';

export interface ReceiverClass {
  decl: ts.ClassDeclaration;
  file: string;
}

/**
 * The class a method call's receiver is known to be an instance of, without a type checker:
 * `this` inside the class; `this.flags` whose property (or constructor parameter property) is
 * typed as, or initialised with `new`, a class; a parameter or variable typed as a class or
 * initialised with `new C()`. Classes are followed through imports (only into modules `gate`
 * lets through, when given). Anything else is unknown,
 * so a method name that unrelated classes share (`isEnabled`) is never matched by name alone.
 */
export function receiverClass(expr: ts.Expression, file: string, keys: KeyResolver, gate: ((file: string) => boolean) | undefined): ReceiverClass | undefined {
  const e = skipOuterExpressions(expr);
  if (e.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(e);
    return cls ? { decl: cls, file } : undefined;
  }
  if (ts.isPropertyAccessExpression(e) && skipOuterExpressions(e.expression).kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(e);
    return cls ? memberClass(cls, e.name.text, file, keys, gate) : undefined;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const d = keys.lookup(e, file, 'value', gate);
  if (d?.kind === 'param') return typeClass(d.decl.type, d.file, keys, gate);
  if (d?.kind === 'var') return typeClass(d.decl.type, d.file, keys, gate) ?? newClass(d.decl.initializer, d.file, keys, gate);
  return undefined;
}

/** The class whose instance `this` is at `node`: through arrows, not through `function`s. */
function enclosingClass(node: ts.Node): ts.ClassDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isClassDeclaration(n)) return n;
    if (ts.isClassExpression(n) || ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isSourceFile(n)) return undefined;
  }
  return undefined;
}

/** `flags: FlagService`, `flags = new FlagService()`, `constructor(private flags: FlagService)`. */
function memberClass(cls: ts.ClassDeclaration, name: string, file: string, keys: KeyResolver, gate: ((file: string) => boolean) | undefined): ReceiverClass | undefined {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name) return typeClass(m.type, file, keys, gate) ?? newClass(m.initializer, file, keys, gate);
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length) return typeClass(p.type, file, keys, gate);
      }
    }
  }
  return undefined;
}

function typeClass(type: ts.TypeNode | undefined, file: string, keys: KeyResolver, gate: ((file: string) => boolean) | undefined): ReceiverClass | undefined {
  if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const d = keys.lookup(type.typeName, file, 'type', gate);
  return d?.kind === 'class' ? { decl: d.decl, file: d.file } : undefined;
}

function newClass(init: ts.Expression | undefined, file: string, keys: KeyResolver, gate: ((file: string) => boolean) | undefined): ReceiverClass | undefined {
  const e = init && skipOuterExpressions(init);
  if (!e || !ts.isNewExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
  const d = keys.lookup(e.expression, file, 'value', gate);
  return d?.kind === 'class' ? { decl: d.decl, file: d.file } : undefined;
}
