import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isCallAccessor, type FlagDefinition, type FlagRead, type FlagValue } from '@flagdebt/core';
import { createRule } from '../create-rule.js';
import { analysisOf } from '../file-analysis.js';
import { nodeAtSpan, spanLoc } from '../estree-spans.js';

export type Options = [];
export type MessageIds = 'missingDefault' | 'nonLiteralDefault' | 'wrongDefault' | 'useSafeDefault';

/**
 * The default is what users get when the flag service is down or slow. The registry's
 * `default` is the reviewed answer; without one, a release or experiment must fall back to off.
 */
export function safeDefaultOf(flag: FlagDefinition | undefined): FlagValue | undefined {
  if (!flag) return undefined;
  if (flag.default !== undefined) return flag.default;
  return flag.type === 'release' || flag.type === 'experiment' ? false : undefined;
}

/** A flag value as source code: `false`, `3`, `'dark'` (quoted like the key when it is a string). */
export function valueSource(value: FlagValue, quote: string): string {
  if (typeof value !== 'string') return String(value);
  const q = quote === '"' ? '"' : "'";
  return `${q}${value.replace(/\\/g, '\\\\').replaceAll(q, `\\${q}`)}${q}`;
}

/**
 * The argument the default goes after, when adding it is a plain insertion: the call passes
 * exactly the arguments before the default's position, none of them spread.
 */
function lastArgumentBeforeDefault(sourceCode: Readonly<TSESLint.SourceCode>, read: FlagRead): TSESTree.Node | null {
  const index = isCallAccessor(read.accessor) ? read.accessor.defaultArg : undefined;
  const call = nodeAtSpan(sourceCode, read.span);
  if (index === undefined || index === 0 || call?.type !== 'CallExpression') return null;
  const args = call.arguments;
  if (args.length !== index || args.some((a) => a.type === 'SpreadElement')) return null;
  return args[index - 1];
}

export default createRule<Options, MessageIds>({
  name: 'safe-default',
  meta: {
    type: 'problem',
    docs: { description: "Require flag reads to pass the registry's safe default value" },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingDefault: '{{call}} is called without a default value; if the flag service is unreachable the SDK picks one for you.{{expected}}',
      nonLiteralDefault: 'The default value of {{call}} is not a literal, so nobody can check it is safe.{{expected}}',
      wrongDefault: 'Flag "{{key}}" defaults to {{actual}} here, but its safe default is {{wanted}} ({{why}}).',
      useSafeDefault: 'Use the safe default {{wanted}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const analysis = analysisOf(context);
        const text = context.sourceCode.text;
        for (const read of analysis.reads) {
          const arg = read.defaultArg;
          // Only accessors with `defaultArg` in the config take a default at all.
          if (!arg) continue;
          const flag = read.key === null ? undefined : analysis.registry?.flags.get(read.key);
          const wanted = safeDefaultOf(flag);
          const quote = read.keySpan ? text[read.keySpan.start] : "'";
          const wantedText = wanted === undefined ? undefined : valueSource(wanted, quote);
          const expected = wantedText === undefined ? ' Pass the safe default explicitly.' : ` Pass ${wantedText}.`;
          const data = { call: read.key === null ? read.via : `${read.via}("${read.key}")`, expected };
          if (!arg.present || !arg.span) {
            const after = wantedText === undefined ? null : lastArgumentBeforeDefault(context.sourceCode, read);
            context.report({
              loc: spanLoc(context.sourceCode, read.span),
              messageId: 'missingDefault',
              data,
              suggest:
                after === null || wantedText === undefined
                  ? []
                  : [{ messageId: 'useSafeDefault', data: { wanted: wantedText }, fix: (fixer) => fixer.insertTextAfter(after, `, ${wantedText}`) }],
            });
            continue;
          }
          const argSpan = arg.span;
          if (arg.literal === undefined) {
            context.report({ loc: spanLoc(context.sourceCode, argSpan), messageId: 'nonLiteralDefault', data });
            continue;
          }
          if (read.key === null || wanted === undefined || wantedText === undefined || arg.literal === wanted) continue;
          const why = flag?.default !== undefined ? '`default` in the registry' : `${flag?.type} flags default to off`;
          context.report({
            loc: spanLoc(context.sourceCode, argSpan),
            messageId: 'wrongDefault',
            data: { key: read.key, actual: arg.text ?? String(arg.literal), wanted: wantedText, why },
            suggest: [{ messageId: 'useSafeDefault', data: { wanted: wantedText }, fix: (fixer) => fixer.replaceTextRange([argSpan.start, argSpan.end], wantedText) }],
          });
        }
      },
    };
  },
});
