import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { suggestKey, type Span } from '@flagdebt/core';
import { createRule } from '../create-rule.js';
import { analysisOf } from '../file-analysis.js';
import { FILE_START, nodeAtSpan, spanLoc } from '../estree-spans.js';
import { rewriteKeyText, textAt } from '../key-text.js';

export type Options = [];
export type MessageIds = 'unregistered' | 'useRegisteredKey' | 'projectProblem';

/** `promoBanner` in `config.featureToggles.promoBanner`: a name that can be rewritten in place. */
function isPropertyName(sourceCode: Readonly<TSESLint.SourceCode>, span: Span): boolean {
  const node = nodeAtSpan(sourceCode, span);
  return node?.parent?.type === 'MemberExpression' && node.parent.property === node && !node.parent.computed;
}

/**
 * Also the rule that reports a missing or broken config or registry (once per file, line 1):
 * without the registry it cannot do its job, and one rule owning the problem keeps it from
 * being reported nine times.
 */
export default createRule<Options, MessageIds>({
  name: 'registered',
  meta: {
    type: 'problem',
    docs: { description: 'Require every flag key read in code to be in the registry' },
    hasSuggestions: true,
    schema: [],
    messages: {
      unregistered: 'Flag "{{key}}" is not in the registry ({{registry}}).{{didYouMean}} Add it there, or fix the key.',
      useRegisteredKey: 'Use the registered key "{{key}}".',
      projectProblem: 'flagdebt: {{where}}{{message}}{{fix}}',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const analysis = analysisOf(context);
        const { problem, registry } = analysis;
        if (problem) {
          const file = path.isAbsolute(problem.file) ? path.relative(context.cwd, problem.file) || problem.file : problem.file;
          const position = problem.line > 0 ? `:${problem.line}${problem.column > 0 ? `:${problem.column}` : ''}` : '';
          const where = problem.file === context.filename ? '' : `${file}${position}: `;
          context.report({
            loc: FILE_START,
            messageId: 'projectProblem',
            data: { where, message: problem.message, fix: problem.fix ? ` Fix: ${problem.fix}` : '' },
          });
        }
        if (!registry) return;
        const text = context.sourceCode.text;
        let registryName: string | undefined;
        for (const read of analysis.reads) {
          // A wrapper call with a fixed key has no key at the call; the wrapper's own read is reported.
          if (read.key === null || !read.keySpan || registry.flags.has(read.key)) continue;
          // Named relative to the project (the config's folder), the way the config itself names it.
          registryName ??= path.relative(analysis.config?.root ?? path.dirname(registry.file), registry.file).split(path.sep).join('/');
          const suggestion = suggestKey(read.key, registry.flags.keys());
          const keySpan = read.keySpan;
          const replacement = suggestion === undefined || read.keyFromType ? null : rewriteKeyText(textAt(text, keySpan), suggestion, isPropertyName(context.sourceCode, keySpan));
          context.report({
            loc: spanLoc(context.sourceCode, keySpan),
            messageId: 'unregistered',
            data: { key: read.key, registry: registryName, didYouMean: suggestion === undefined ? '' : ` Did you mean "${suggestion}"?` },
            suggest:
              replacement === null || suggestion === undefined
                ? []
                : [{ messageId: 'useRegisteredKey', data: { key: suggestion }, fix: (fixer) => fixer.replaceTextRange([keySpan.start, keySpan.end], replacement) }],
          });
        }
      },
    };
  },
});
