import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../create-rule.js';
import { analysisOf } from '../file-analysis.js';
import { nodeAtSpan } from '../estree-spans.js';
import { enclosingFunction, functionName } from '../functions.js';

export type Options = [{ max?: number }];
export type MessageIds = 'tooManyFlags';

/**
 * Every flag doubles the paths through a function. Past a few, nobody tests the combinations,
 * and removing one flag means untangling it from the others.
 */
export default createRule<Options, MessageIds>({
  name: 'max-flags-per-function',
  meta: {
    type: 'suggestion',
    docs: { description: 'Limit how many distinct flags one function reads' },
    schema: [
      {
        type: 'object',
        properties: { max: { type: 'integer', minimum: 0, default: 3, description: 'Most distinct flags one function may read.' } },
        additionalProperties: false,
      },
    ],
    messages: {
      tooManyFlags: 'Function {{name}} reads {{count}} different flags ({{keys}}); the maximum is {{max}}. Split it so each flag can be removed on its own.',
    },
  },
  defaultOptions: [{ max: 3 }],
  create(context, [options]) {
    const max = options.max ?? 3;
    return {
      Program() {
        const sourceCode = context.sourceCode;
        const byFunction = new Map<TSESTree.Node, Set<string>>();
        for (const read of analysisOf(context).reads) {
          if (read.key === null) continue;
          const node = nodeAtSpan(sourceCode, read.span);
          const fn = node && enclosingFunction(node);
          if (!fn) continue;
          let keys = byFunction.get(fn);
          if (!keys) byFunction.set(fn, (keys = new Set()));
          keys.add(read.key);
        }
        for (const [fn, keys] of byFunction) {
          if (keys.size <= max) continue;
          const { name, node } = functionName(fn as Parameters<typeof functionName>[0]);
          context.report({
            node,
            messageId: 'tooManyFlags',
            data: { name, count: keys.size, keys: [...keys].map((k) => `"${k}"`).join(', '), max },
          });
        }
      },
    };
  },
});
