/**
 * For `flagdebt init`: the string variants a flag's reads are compared with. A multivariate flag
 * (`tier === 'large'`, `switch (variant) { case 'test': ... }`) is an experiment, and its registry
 * `default` must be a string, or `flagdebt remove <key> --value test` is refused as a kind
 * mismatch. The value is followed where code keeps it: the read itself, a const it initialises
 * (`const variant = await getFlag(k)`), or its slot in an awaited `Promise.all([...])` that is
 * destructured (`const [plans, comparison] = await Promise.all([getPlans(), getFlag(k)])`).
 */
import ts from '@flagdebt/core/typescript';

/** Names a control variant goes by; the first one compared with becomes the registry default. */
const CONTROL = /^(?:control|baseline|default|original|off|old|legacy)$/i;
/** PostHog's and most vendors' name for the variant users get outside the experiment. */
export const DEFAULT_CONTROL = 'control';

export interface ReadSite {
  file: string;
  /** 1-based, as scan reports them. */
  line: number;
  column: number;
}

/** Per key, the string literals its reads are compared with (in source order); `parse` gives a file's tree. */
export function comparedVariants(sites: ReadonlyMap<string, readonly ReadSite[]>, parse: (file: string) => ts.SourceFile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, list] of sites) {
    const variants = new Set<string>();
    for (const site of list) {
      const read = readAt(parse(site.file), site);
      if (read) for (const v of variantsOf(read)) variants.add(v);
    }
    if (variants.size > 0) out.set(key, [...variants]);
  }
  return out;
}

/** The control variant among `variants`, else the conventional name. */
export function controlVariant(variants: readonly string[]): string {
  return variants.find((v) => CONTROL.test(v)) ?? DEFAULT_CONTROL;
}

/** The outermost call or access that starts at the site (the read). */
function readAt(sf: ts.SourceFile, site: ReadSite): ts.Expression | undefined {
  let pos: number;
  try {
    pos = sf.getPositionOfLineAndCharacter(site.line - 1, site.column - 1);
  } catch {
    return undefined;
  }
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (pos < node.getStart(sf) || pos >= node.end) return;
    if ((ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && node.getStart(sf) === pos && !found) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** What the read's value is compared with: directly, through a const, or through `Promise.all`. */
function variantsOf(read: ts.Expression): string[] {
  let e: ts.Node = read;
  while (ts.isAwaitExpression(e.parent) || ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isNonNullExpression(e.parent)) e = e.parent;
  const direct = comparison(e);
  if (direct !== undefined) return [direct];
  const name = boundName(e);
  return name ? comparisonsOf(name) : [];
}

/** `read === 'x'`, `'x' !== read`: the literal. */
function comparison(e: ts.Node): string | undefined {
  const p = e.parent;
  if (!ts.isBinaryExpression(p) || !EQUALITY.has(p.operatorToken.kind)) return undefined;
  const other = p.left === e ? p.right : p.left;
  return ts.isStringLiteralLike(other) ? other.text : undefined;
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** The const the value lands in: `const v = read`, or its slot of `const [a, v] = await Promise.all([x, read])`. */
function boundName(e: ts.Node): ts.Identifier | undefined {
  const p = e.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === e && ts.isIdentifier(p.name)) return p.name;
  if (!ts.isArrayLiteralExpression(p)) return undefined;
  const index = p.elements.indexOf(e as ts.Expression);
  let all: ts.Node = p.parent;
  if (!ts.isCallExpression(all) || all.arguments[0] !== p || !/^Promise\.all(?:Settled)?$/.test(all.expression.getText())) return undefined;
  while (ts.isAwaitExpression(all.parent) || ts.isParenthesizedExpression(all.parent)) all = all.parent;
  const decl = all.parent;
  if (!ts.isVariableDeclaration(decl) || !ts.isArrayBindingPattern(decl.name)) return undefined;
  const slot = decl.name.elements[index];
  return slot && ts.isBindingElement(slot) && ts.isIdentifier(slot.name) ? slot.name : undefined;
}

/** Every string literal `name` is compared with, or switched on, in the scope that declares it. */
function comparisonsOf(name: ts.Identifier): string[] {
  let scope: ts.Node = name;
  while (scope.parent && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== name && node.text === name.text) {
      const literal = comparison(node);
      if (literal !== undefined) out.push(literal);
      if (ts.isSwitchStatement(node.parent) && node.parent.expression === node) {
        for (const clause of node.parent.caseBlock.clauses) if (ts.isCaseClause(clause) && ts.isStringLiteralLike(clause.expression)) out.push(clause.expression.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return out;
}
