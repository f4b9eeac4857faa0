/**
 * Lints files of a hostile project with @flagdebt/eslint-plugin's recommended config, in a
 * child process so the test can bound its time. argv: <project dir> <file...>
 * stdout: JSON [{ file, fatal, messages: [{ ruleId, message, line }] }] or { crashed }.
 */
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import flagdebt from '@flagdebt/eslint-plugin';

const [dir, ...files] = process.argv.slice(2);
const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  overrideConfig: [
    // FLAGDEBT_LINT_BASELINE=1: the parser alone, to tell ESLint's own cost from the plugin's.
    ...(process.env.FLAGDEBT_LINT_BASELINE ? [] : [{ ...flagdebt.configs.recommended, files: ['**/*.ts', '**/*.tsx'] }]),
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser }, settings: { flagdebt: { now: '2026-11-21' } } },
  ],
});
try {
  const results = await eslint.lintFiles(files);
  const summary = results.map((r) => ({
    file: r.filePath.slice(dir.length + 1),
    fatal: r.fatalErrorCount,
    messages: r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line })),
  }));
  process.stdout.write(JSON.stringify(summary));
} catch (error) {
  process.stdout.write(JSON.stringify({ crashed: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }));
}
