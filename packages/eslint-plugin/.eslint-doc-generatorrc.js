/**
 * eslint-doc-generator reads the built plugin (dist/) and writes the rules table in README.md
 * and the header of each docs/rules/<rule>.md. `npm run docs` updates them;
 * test/docs.test.ts runs it with `--check` so a stale README fails the test suite.
 */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ruleDocSectionInclude: ['Rule details', 'Examples'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'configsOff', 'hasSuggestions', 'options'],
};
