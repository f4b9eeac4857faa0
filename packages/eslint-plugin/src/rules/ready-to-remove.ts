import type { FlagValue } from '@flagdebt/core';
import { createRule } from '../create-rule.js';
import { analysisOf, registeredReads } from '../file-analysis.js';
import { spanLoc } from '../estree-spans.js';

export type Options = [];
export type MessageIds = 'readyToRemove';

/** Quoted for the shell when needed, so the printed command can be pasted as is. */
function shellValue(value: FlagValue): string {
  const text = String(value);
  return /^[\w.-]+$/u.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A complete flag is dead weight: every user gets one value, and the codemod can fold it. */
export default createRule<Options, MessageIds>({
  name: 'ready-to-remove',
  meta: {
    type: 'suggestion',
    docs: { description: 'Report reads of complete flags that the codemod can remove' },
    schema: [],
    messages: {
      readyToRemove: 'Flag "{{key}}" is complete: every user gets {{value}}. Run `{{command}}` to fold it to that value and delete the dead code.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        for (const { read, flag } of registeredReads(analysisOf(context))) {
          // The registry loader rejects a complete flag without `value`, so one is always there.
          if (flag.state !== 'complete' || flag.value === undefined) continue;
          const loc = spanLoc(context.sourceCode, read.span);
          const command = `flagdebt remove ${shellValue(flag.key)}`;
          context.report({ loc, messageId: 'readyToRemove', data: { key: flag.key, command, value: JSON.stringify(flag.value) } });
        }
      },
    };
  },
});
