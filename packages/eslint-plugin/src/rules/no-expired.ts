import { daysBetween, isExpired } from '@flagdebt/core';
import { createRule } from '../create-rule.js';
import { analysisOf, registeredReads } from '../file-analysis.js';
import { spanLoc } from '../estree-spans.js';

export type Options = [];
export type MessageIds = 'expired';

/**
 * `expires` is the date the team promised the flag would be gone. Complete flags are left to
 * `ready-to-remove` (which says what to do) and archived ones to `no-archived`, so one read
 * gets one warning.
 */
export default createRule<Options, MessageIds>({
  name: 'no-expired',
  meta: {
    type: 'suggestion',
    docs: { description: 'Disallow reading flags past their expiry date' },
    schema: [],
    messages: {
      expired: 'Flag "{{key}}" expired on {{expires}} ({{ago}}, owner: {{owner}}). Finish the rollout and remove the flag, or extend `expires` in the registry.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const analysis = analysisOf(context);
        for (const { read, flag } of registeredReads(analysis)) {
          if (flag.state !== 'active' || flag.expires === undefined || !isExpired(flag, analysis.now)) continue;
          const days = daysBetween(flag.expires, analysis.now);
          context.report({
            loc: spanLoc(context.sourceCode, read.span),
            messageId: 'expired',
            data: { key: flag.key, expires: flag.expires, ago: days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`, owner: flag.owner },
          });
        }
      },
    };
  },
});
