import { createRule } from '../create-rule.js';
import { analysisOf, registeredReads } from '../file-analysis.js';
import { spanLoc } from '../estree-spans.js';

export type Options = [];
export type MessageIds = 'archived';

/** An archived key is a tombstone: re-using a retired flag is how Knight Capital lost $460M. */
export default createRule<Options, MessageIds>({
  name: 'no-archived',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow reading archived (retired) flags' },
    schema: [],
    messages: {
      archived: 'Flag "{{key}}" is archived{{since}}: its key is retired and must never be read again. Remove this read, or create a new flag with a new key.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        for (const { read, flag } of registeredReads(analysisOf(context))) {
          if (flag.state !== 'archived') continue;
          context.report({
            loc: spanLoc(context.sourceCode, read.span),
            messageId: 'archived',
            data: { key: flag.key, since: flag.since ? ` since ${flag.since}` : '' },
          });
        }
      },
    };
  },
});
