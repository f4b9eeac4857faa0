import { createRule } from '../create-rule.js';
import { analysisOf } from '../file-analysis.js';
import { spanLoc } from '../estree-spans.js';

export type Options = [];
export type MessageIds = 'dynamicKey';

/** A key nobody can resolve is a flag nobody can find, count, expire or remove. */
export default createRule<Options, MessageIds>({
  name: 'static-key',
  meta: {
    type: 'problem',
    docs: { description: 'Require flag keys that can be resolved statically' },
    schema: [],
    messages: {
      dynamicKey:
        'The flag key passed to {{via}} cannot be resolved statically, so flagdebt cannot track, expire or remove this flag. Use a string literal, a const, an enum member or an `as const` property.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        for (const read of analysisOf(context).reads) {
          if (read.kind !== 'dynamic') continue;
          context.report({ loc: spanLoc(context.sourceCode, read.keySpan ?? read.span), messageId: 'dynamicKey', data: { via: read.via } });
        }
      },
    };
  },
});
