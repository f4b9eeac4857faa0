/** Functions as the rules see them: where a read lives and what to call the function in a message. */
import type { TSESTree } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/**
 * The innermost function around `node`, or null at module level. A class field initializer
 * runs per instance, like a constructor body, so it counts as inside a function: its class.
 */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | TSESTree.PropertyDefinition | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if (current.type === 'PropertyDefinition' && !current.static) return current;
  }
  return null;
}

/** The node that names a function (its id, the variable or property it is assigned to), for the report. */
export function functionName(fn: FunctionNode | TSESTree.PropertyDefinition): { name: string; node: TSESTree.Node } {
  if (fn.type === 'PropertyDefinition') return { name: keyName(fn.key) ?? '(class field)', node: fn.key };
  if (fn.id) return { name: fn.id.name, node: fn.id };
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return { name: parent.id.name, node: parent.id };
  if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && parent.value === fn) {
    return { name: keyName(parent.key) ?? '(anonymous)', node: parent.key };
  }
  return { name: '(anonymous)', node: fn };
}

function keyName(key: TSESTree.Node): string | null {
  if (key.type === 'Identifier' || key.type === 'PrivateIdentifier') return key.name;
  if (key.type === 'Literal') return String(key.value);
  return null;
}
