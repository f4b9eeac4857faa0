import ts from '../ts-morph-ts.cjs';

/**
 * A small lexical scope walk: which identifiers refer to a given binding. Enough for inlining a
 * flag variable and counting references of a declaration without a type-checked program
 * (a parameter, property or inner binding of the same name is not a reference).
 */

/** Names bound by a binding name (`x`, `{ a, b: [c] }`). */
export function boundNames(name: ts.BindingName, out: string[] = []): string[] {
  if (ts.isIdentifier(name)) out.push(name.text);
  else
    for (const el of name.elements) {
      if (!ts.isOmittedExpression(el)) boundNames(el.name, out);
    }
  return out;
}

/** Names a statement declares in its block (let/const/var, function, class, enum, import...). */
export function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => boundNames(d.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
    return [statement.name.text];
  }
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return [statement.name.text];
  if (ts.isImportDeclaration(statement) && statement.importClause) {
    const c = statement.importClause;
    const names = c.name ? [c.name.text] : [];
    if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) names.push(c.namedBindings.name.text);
    else if (c.namedBindings) names.push(...c.namedBindings.elements.map((e) => e.name.text));
    return names;
  }
  return [];
}

/** Whether `scope` (a node that opens a scope) binds `name` itself. */
export function bindsName(scope: ts.Node, name: string): boolean {
  if (ts.isFunctionLike(scope)) {
    if (scope.parameters.some((p) => boundNames(p.name).includes(name))) return true;
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name?.text === name) return true;
    return false;
  }
  if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope)) {
    return scope.statements.some((s) => declaredNames(s).includes(name));
  }
  if (ts.isCaseBlock(scope)) return scope.clauses.some((c) => c.statements.some((s) => declaredNames(s).includes(name)));
  if (ts.isCatchClause(scope)) return scope.variableDeclaration !== undefined && boundNames(scope.variableDeclaration.name).includes(name);
  if (ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) {
    const init = ts.isForStatement(scope) ? scope.initializer : scope.initializer;
    return init !== undefined && ts.isVariableDeclarationList(init) && init.declarations.some((d) => boundNames(d.name).includes(name));
  }
  return false;
}

/** True when the identifier is in a value position (not a property name, label, type or declaration name). */
export function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)) && p.name === id) return false;
  if ((ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isMethodSignature(p) || ts.isEnumMember(p)) && p.name === id) return false;
  if (ts.isJsxAttribute(p) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (isDeclarationName(id)) return false;
  return true;
}

/** Every identifier spelled `name` in the file, whatever it refers to. */
export function identifiersNamed(sf: ts.SourceFile, name: string): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

export function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    ((ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) ||
      ts.isFunctionExpression(p) || ts.isClassExpression(p) || ts.isEnumDeclaration(p) || ts.isInterfaceDeclaration(p) ||
      ts.isTypeAliasDeclaration(p) || ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) ||
      ts.isTypeParameterDeclaration(p)) &&
      (p as ts.NamedDeclaration).name === id)
  );
}

/**
 * Identifiers inside `scope` that refer to the binding `name` declared directly in `scope`
 * (not to an inner binding of the same name).
 */
export function referencesInScope(scope: ts.Node, name: string, options: { types?: boolean } = {}): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node, shadowed: boolean): void => {
    if (node !== scope && !shadowed && opensScope(node) && bindsName(node, name)) {
      // A nested function's parameter shadows only inside the function; its default values
      // and name belong to the outer scope, which is close enough for flag variables.
      shadowed = true;
    }
    if (ts.isIdentifier(node)) {
      if (!shadowed && node.text === name && isValueReference(node) && (options.types || !inTypePosition(node))) found.push(node);
      return;
    }
    ts.forEachChild(node, (child) => visit(child, shadowed));
  };
  visit(scope, false);
  return found;
}

function opensScope(node: ts.Node): boolean {
  return (
    ts.isFunctionLike(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isCatchClause(node) ||
    ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)
  );
}

function inTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isTypeQueryNode(n)) return false;
    if (ts.isTypeNode(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return true;
    if (ts.isExpression(n) || ts.isStatement(n)) return false;
  }
  return false;
}

/** The node whose scope a `let`/`const`/`var` declaration belongs to. */
export function scopeOfDeclaration(decl: ts.VariableDeclaration): ts.Node {
  const list = decl.parent;
  const isVar = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) === 0;
  let n: ts.Node = list.parent;
  if (ts.isForStatement(n) || ts.isForInStatement(n) || ts.isForOfStatement(n)) return n;
  for (n = n.parent; n; n = n.parent) {
    if (isVar ? ts.isFunctionLike(n) || ts.isSourceFile(n) : ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isCaseBlock(n)) {
      const body = ts.isFunctionLike(n) ? (n as ts.FunctionLikeDeclaration).body : undefined;
      return body ?? n;
    }
  }
  return decl.getSourceFile();
}
