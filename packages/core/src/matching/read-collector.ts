import ts from '../typescript.cjs';
import type { DefaultArgument, FlagRead, MemberAccessor } from '../types.js';
import { pathOf } from './syntax.js';
import type { ReadMatch, ReadMatcher } from './accessor-match.js';
import type { KeyResolver } from './key-resolver.js';
import { isConstDeclaration, positionOf, propertyNameText, skipOuterExpressions, spanOf } from './syntax.js';
import type { WrapperRegistry } from './wrapper-registry.js';

/**
 * Walks one file (explicit stack: 10,000-deep expressions do not overflow) and turns every
 * accessor call, member read and wrapper call into a FlagRead.
 */
export class ReadCollector {
  constructor(
    private readonly matcher: ReadMatcher,
    private readonly keys: KeyResolver,
    private readonly wrappers: WrapperRegistry,
  ) {}

  /**
   * `sites`: sorted offsets of every word a read must spell (see `FlagProject.readSites`);
   * subtrees that contain none are not walked.
   */
  collect(sf: ts.SourceFile, file: string, sites?: readonly number[]): FlagRead[] {
    const bodyReads = new Map<ts.Node, { forwarding: boolean }>();
    for (const rec of this.wrappers.inFile(file)) bodyReads.set(rec.bodyRead, { forwarding: rec.info.key === null });

    const reads: FlagRead[] = [];
    // Consts that hold a member container (`const { flags } = uiConfig`), met before their uses.
    const containers = new Map<ts.Node, MemberAccessor>();
    const stack: ts.Node[] = [sf];
    const children: ts.Node[] = [];
    const pushChild = (c: ts.Node): void => {
      children.push(c);
    };
    while (stack.length > 0) {
      const node = stack.pop()!;
      // A container alias's uses spell only the alias: once one is known, walk everything.
      if (sites && containers.size === 0 && !hasSiteWithin(sites, node.pos, node.end)) continue;
      const match = this.matchAt(node, file) ?? this.matchAliased(node, file, containers);
      if (match) {
        const body = bodyReads.get(node);
        if (!body?.forwarding) this.pushReads(match, sf, file, body !== undefined, reads);
      } else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
        this.destructured(node.name, node.initializer, sf, file, reads);
        this.containerBindings(node, node.name, file, containers);
      } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isConstDeclaration(node)) {
        const accessor = this.matcher.memberObject(node.initializer, file);
        if (accessor) containers.set(node, accessor);
      } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        this.data(this.matcher.matchProperty(node), sf, file, reads);
      } else if (ts.isArrayLiteralExpression(node)) {
        // Defined flags passed on as objects: `precompute([showBanner, showSale])`.
        for (const el of node.elements) {
          const object = this.matcher.matchFlagObject(el, file);
          if (object) reads.push(this.toRead(object, sf, file, false));
        }
      }
      if (ts.isVariableDeclaration(node)) this.data(this.matcher.matchExport(node), sf, file, reads);
      children.length = 0;
      ts.forEachChild(node, pushChild);
      // Reverse so reads come out in source order.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return reads;
  }

  /** Keys in data are reads only where they resolve: an unknown value is just data, not a dynamic read. */
  private data(matches: ReadMatch[], sf: ts.SourceFile, file: string, out: FlagRead[]): void {
    for (const m of matches) {
      const read = this.toRead(m, sf, file, false);
      if (read.key !== null) out.push(read);
    }
  }

  private matchAt(node: ts.Node, file: string): ReadMatch | undefined {
    if (ts.isCallExpression(node)) {
      // A component gate is read through its JSX, not called.
      const match = this.matcher.matchCall(node, file);
      return match?.wrapper?.keyProp === undefined ? match : undefined;
    }
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) return this.matcher.matchJsx(node, file);
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && isValueRead(node)) return this.matcher.matchMember(node, file);
    return undefined;
  }

  private matchAliased(node: ts.Node, file: string, containers: ReadonlyMap<ts.Node, MemberAccessor>): ReadMatch | undefined {
    if (containers.size === 0 || !(ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) || !isValueRead(node)) return undefined;
    return this.matcher.matchContainerAlias(node, file, containers);
  }

  /** `const { flags } = uiConfig` with a member accessor `uiConfig.flags`: `flags` holds the container. */
  private containerBindings(decl: ts.VariableDeclaration, pattern: ts.ObjectBindingPattern, file: string, containers: Map<ts.Node, MemberAccessor>): void {
    if (!isConstDeclaration(decl) || !decl.initializer) return;
    const { segments: base, root } = pathOf(decl.initializer);
    for (const el of pattern.elements) {
      const name = propertyNameText(el.propertyName ?? el.name);
      if (el.dotDotDotToken || name === undefined || !ts.isIdentifier(el.name)) continue;
      const accessor = this.matcher.memberOfPath([...base, name], root, file);
      if (accessor) containers.set(el, accessor);
    }
  }

  /** `const { searchV2, 'new-x': x } = config.featureToggles` reads each named property. */
  private destructured(pattern: ts.ObjectBindingPattern, init: ts.Expression, sf: ts.SourceFile, file: string, out: FlagRead[]): void {
    const accessor = this.matcher.memberObject(init, file);
    if (!accessor) return;
    for (const el of pattern.elements) {
      if (el.dotDotDotToken) continue;
      const keyNode = el.propertyName ?? el.name;
      let key: string | null = propertyNameText(keyNode as ts.PropertyName) ?? null;
      if (key === null && el.propertyName && ts.isComputedPropertyName(el.propertyName)) key = this.keys.resolveKey(el.propertyName.expression, file);
      out.push(this.toRead({ node: el, accessor, via: accessor.member, fixedKey: key, keyNode }, sf, file, false));
    }
  }

  /** One read, or one per element of an array of keys (an unresolved element is a dynamic read). */
  private pushReads(m: ReadMatch, sf: ts.SourceFile, file: string, inWrapper: boolean, out: FlagRead[]): void {
    const elements = m.keyExpr && m.call ? this.keys.keyElements(m.keyExpr) : undefined;
    if (!elements) {
      out.push(this.toRead(m, sf, file, inWrapper));
      return;
    }
    for (const el of elements) {
      const keyExpr = ts.isSpreadElement(el) || ts.isOmittedExpression(el) ? undefined : el;
      const read = this.toRead({ ...m, keyExpr, keyNode: el }, sf, file, inWrapper);
      read.keyInArray = true;
      out.push(read);
    }
  }

  private toRead(m: ReadMatch, sf: ts.SourceFile, file: string, inWrapper: boolean): FlagRead {
    let key: string | null = null;
    if (m.fixedKey !== undefined) key = m.fixedKey;
    else if (m.keyExpr) key = this.keys.resolveKey(m.keyExpr, file);
    const span = spanOf(m.node, sf);
    const read: FlagRead = {
      kind: key === null ? 'dynamic' : 'evaluation',
      key,
      via: m.via,
      accessor: m.accessor,
      file,
      span,
      ...positionOf(span.start, sf),
    };
    if (m.wrapper) read.wrapper = m.wrapper;
    if (m.keyNode) read.keySpan = spanOf(m.keyNode, sf);
    if (m.call && m.defaultArg !== undefined && !m.wrapper) read.defaultArg = defaultArgument(m.call, m.defaultArg, sf);
    if (inWrapper) read.inWrapper = true;
    if (m.gate) read.gate = m.gate;
    if (m.data) read.data = m.data;
    return read;
  }
}

/** Whether a sorted offset lies in `[start, end)`. */
function hasSiteWithin(sites: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sites.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sites[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sites.length && sites[lo] < end;
}

/** Not a read: assignment targets, `++`/`--`, `delete`, and method calls on the toggles object. */
function isValueRead(node: ts.Expression): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent))) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return true;
  if (ts.isBinaryExpression(parent) && parent.left === child) {
    const op = parent.operatorToken.kind;
    return !(op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment);
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator !== ts.SyntaxKind.PlusPlusToken && parent.operator !== ts.SyntaxKind.MinusMinusToken;
  }
  if (ts.isDeleteExpression(parent)) return false;
  if (ts.isCallExpression(parent) && parent.expression === child) return false;
  return true;
}

function defaultArgument(call: ts.CallExpression, index: number, sf: ts.SourceFile): DefaultArgument {
  const arg = call.arguments[index];
  if (!arg || ts.isSpreadElement(arg)) return { present: false };
  const out: DefaultArgument = { present: true, span: spanOf(arg, sf), text: arg.getText(sf) };
  const literal = literalValue(arg);
  if (literal !== undefined) out.literal = literal;
  return out;
}

/** Plain literals only (and negative numbers): `false`, `'x'`, `3`, `-1`. */
function literalValue(expr: ts.Expression): boolean | string | number | undefined {
  const e = skipOuterExpressions(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
  return undefined;
}
