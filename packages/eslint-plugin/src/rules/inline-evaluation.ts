import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../create-rule.js';
import { analysisOf, type AnalyzedRead } from '../file-analysis.js';
import { nodeAtSpan, spanLoc } from '../estree-spans.js';
import { enclosingFunction } from '../functions.js';

export type Options = [];
export type MessageIds = 'exported' | 'moduleLevel' | 'storedInLet' | 'reassigned' | 'passedAsArgument' | 'returned' | 'storedInObject';

/**
 * Parents that hand the flag's value on as it is (or negated, or with a fallback). Combining it
 * with other conditions (`a && read`, `read === 'x'`) is a decision made here, so it stops.
 */
function carriesValue(node: TSESTree.Node, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case 'ChainExpression':
    case 'TSNonNullExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
    case 'AwaitExpression':
      return true;
    case 'UnaryExpression':
      return parent.operator === '!';
    case 'LogicalExpression':
      return parent.operator === '??';
    case 'ConditionalExpression':
      return parent.test !== node;
    default:
      return false;
  }
}

/** What happens to the value of the read at `node`; null when it is used in place. */
function misuse(node: TSESTree.Node, read: AnalyzedRead, readNodes: ReadonlySet<TSESTree.Node>): MessageIds | null {
  let current = node;
  while (current.parent && carriesValue(current, current.parent)) current = current.parent;
  const parent = current.parent;
  const inFunction = enclosingFunction(node) !== null;
  if (parent?.type === 'ExportDefaultDeclaration') return 'exported';
  if (parent?.type === 'VariableDeclarator' && parent.init === current) {
    if (parent.parent.parent?.type === 'ExportNamedDeclaration') return 'exported';
    if (!inFunction) return 'moduleLevel';
    return parent.parent.kind === 'const' ? null : 'storedInLet';
  }
  if (!inFunction) return 'moduleLevel';
  if (!parent) return null;
  switch (parent.type) {
    case 'AssignmentExpression':
      return parent.right === current ? 'reassigned' : null;
    case 'CallExpression':
    case 'NewExpression':
      // An argument of another flag read (a forwarding wrapper, say) is still a flag decision.
      return parent.arguments.includes(current as TSESTree.CallExpressionArgument) && !readNodes.has(parent) ? 'passedAsArgument' : null;
    case 'ArrowFunctionExpression':
      if (parent.body !== current) return null;
      return read.inWrapper ? null : 'returned';
    case 'ReturnStatement':
      return read.inWrapper ? null : 'returned';
    case 'Property':
      return parent.value === current ? 'storedInObject' : null;
    case 'ArrayExpression':
    case 'SpreadElement':
      return 'storedInObject';
    default:
      return null;
  }
}

/**
 * A flag read should be a decision made where it matters. A value kept in a `let`, exported,
 * evaluated when the module loads or handed around goes stale when the flag changes, and the
 * codemod cannot fold what it cannot see.
 */
export default createRule<Options, MessageIds>({
  name: 'inline-evaluation',
  meta: {
    type: 'suggestion',
    docs: { description: 'Require flag reads to be evaluated where they are used, not stored or passed around' },
    schema: [],
    messages: {
      exported: '{{flag}} is evaluated once and exported as a value, so importers never see it change. Export a function that reads the flag instead.',
      moduleLevel: '{{flag}} is evaluated at module level, once, when the module loads. Read it inside the function that uses it.',
      storedInLet: '{{flag}} is stored in a mutable variable. Use it in the condition directly, or keep it in a `const`.',
      reassigned: '{{flag}} is assigned to an existing variable. Use it in the condition directly, or keep it in a `const`.',
      passedAsArgument: '{{flag}} is evaluated here and passed to another function as a value. Read the flag where the decision is made.',
      returned: '{{flag}} is returned from a function that is not a flag wrapper. Use it in a condition here, or make the function a wrapper that only returns the read.',
      storedInObject: '{{flag}} is stored in an object or array. Read the flag where the decision is made.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const sourceCode = context.sourceCode;
        const reads = analysisOf(context).reads;
        if (reads.length === 0) return;
        const located = reads.map((read) => ({ read, node: nodeAtSpan(sourceCode, read.span) }));
        const readNodes = new Set(located.flatMap(({ node }) => (node ? [node] : [])));
        for (const { read, node } of located) {
          if (!node) continue;
          const messageId = misuse(node, read, readNodes);
          if (messageId === null) continue;
          const flag = read.key === null ? 'This flag read' : `Flag "${read.key}"`;
          context.report({ loc: spanLoc(sourceCode, read.span), messageId, data: { flag } });
        }
      },
    };
  },
});
