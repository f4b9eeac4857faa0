import { checkNaming } from '@flagdebt/core';
import { createRule } from '../create-rule.js';
import { analysisOf } from '../file-analysis.js';
import { spanLoc } from '../estree-spans.js';

export type Options = [];
export type MessageIds = 'badName';

/**
 * Conventions (`ops-` for kill switches, kebab-case keys) make a flag's kind visible where it is
 * read. The convention lives in the config (`naming.pattern`, `naming.types.<type>`), so the
 * CLI and the lint rule agree.
 */
export default createRule<Options, MessageIds>({
  name: 'naming',
  meta: {
    type: 'suggestion',
    docs: { description: "Enforce the config's naming convention for flag keys" },
    schema: [],
    messages: {
      badName: '{{problem}} (naming in {{config}}).',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const analysis = analysisOf(context);
        const naming = analysis.config?.naming;
        if (!naming || (naming.pattern === undefined && naming.types === undefined)) return;
        const configName = analysis.config?.file ? analysis.config.file.split(/[\\/]/).pop() : 'flagdebt.config.json';
        for (const read of analysis.reads) {
          // Judged where the key is written: wrapper calls with a fixed key are judged inside the wrapper.
          if (read.key === null || !read.keySpan) continue;
          const type = analysis.registry?.flags.get(read.key)?.type;
          const problem = checkNaming(read.key, type, naming);
          if (problem === null) continue;
          context.report({
            loc: spanLoc(context.sourceCode, read.keySpan),
            messageId: 'badName',
            data: { problem: problem.charAt(0).toUpperCase() + problem.slice(1), config: configName ?? 'flagdebt.config.json' },
          });
        }
      },
    };
  },
});
