/**
 * What a file could contribute as key declarations, told from its syntax alone. Core declares the
 * members of an enum, a string-literal union or an `as const` object when the container's name
 * says "flag", or when some read elsewhere resolved a key through it. Only the second kind depends
 * on other files; `history` re-scans from scratch when a changed read could flip it.
 */
import ts from '@flagdebt/core/typescript';

/** Core's rule for containers that are key sources by name (matching/declarations.ts). */
const KEY_SOURCE_NAME = /flag|feature|toggle/i;

export interface KeySourceShape {
  /** Top-level containers that can hold keys: string enums, string-literal unions, constant objects. */
  containers: number;
  /** Of those, the ones whose name does not say "flag": declared only when a read marks them. */
  markedOnly: number;
}

export function keySourceShape(file: string, text: string): KeySourceShape {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(file));
  const shape: KeySourceShape = { containers: 0, markedOnly: 0 };
  const count = (name: string) => {
    shape.containers++;
    if (!KEY_SOURCE_NAME.test(name)) shape.markedOnly++;
  };
  for (const stmt of sf.statements) {
    if (ts.isEnumDeclaration(stmt) && stmt.members.some((m) => m.initializer && isStringLike(skipOuter(m.initializer)))) {
      count(stmt.name.text);
    } else if (ts.isTypeAliasDeclaration(stmt) && hasStringLiteralType(stmt.type)) {
      count(stmt.name.text);
    } else if (ts.isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) {
        if (decl.initializer && holdsObjectLiteral(decl.initializer)) count(decl.name.getText(sf));
      }
    }
  }
  return shape;
}

function scriptKind(file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function skipOuter(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) {
    e = e.expression;
  }
  return e;
}

function isStringLike(expr: ts.Expression): boolean {
  return ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr);
}

function hasStringLiteralType(type: ts.TypeNode): boolean {
  if (ts.isUnionTypeNode(type)) return type.types.some(hasStringLiteralType);
  if (ts.isParenthesizedTypeNode(type)) return hasStringLiteralType(type.type);
  return ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal);
}

/** `{...} as const` (under parentheses / `satisfies`) or `Object.freeze({...})`: core's constant objects, a little wider. */
function holdsObjectLiteral(init: ts.Expression): boolean {
  const inner = skipOuter(init);
  if (ts.isCallExpression(inner)) {
    const callee = inner.expression;
    const frozen = ts.isPropertyAccessExpression(callee) ? callee.name.text === 'freeze' : ts.isIdentifier(callee) && callee.text === 'freeze';
    return frozen && inner.arguments.some((arg) => ts.isObjectLiteralExpression(skipOuter(arg)));
  }
  return ts.isObjectLiteralExpression(inner) && isAsConst(init);
}

function isAsConst(expr: ts.Expression): boolean {
  let e = expr;
  for (;;) {
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
      if (ts.isTypeReferenceNode(e.type) && ts.isIdentifier(e.type.typeName) && e.type.typeName.text === 'const') return true;
      e = e.expression;
    } else if (ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e)) {
      e = e.expression;
    } else {
      return false;
    }
  }
}
