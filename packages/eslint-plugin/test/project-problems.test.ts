/**
 * A broken setup reaches the user as one lint error at line 1 of each file, saying which file,
 * where, what is wrong and how to fix it; no rule throws.
 */
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { FIXTURES, NOW } from './rule-tester.js';

const code = `import { useFlag } from './flags';\nexport const checkout = () => (useFlag('new-checkout') ? 'new' : 'old');\n`;

function lint(filename: string, settings: Record<string, unknown> = { flagdebt: { now: NOW } }, cwd = FIXTURES): Linter.LintMessage[] {
  const linter = new Linter({ cwd });
  return linter.verify(
    code,
    [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } }, plugin.configs.strict, { settings }],
    { filename },
  );
}

describe('config and registry problems', () => {
  it('an invalid registry: its file, line and column, the problem and the fix', () => {
    const messages = lint(path.join(FIXTURES, 'broken-registry/src/app.ts'));
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.severity])).toEqual([['flagdebt/registered', 1, 1, 2]]);
    expect(messages[0].message).toBe(
      'flagdebt: broken-registry/flags.yaml:3:11: unknown type "relase" (expected release, experiment, ops or permission); did you mean "release"? Fix: set type to "release"',
    );
  });

  it('an invalid config: nothing else is judged', () => {
    const messages = lint(path.join(FIXTURES, 'broken-config/src/app.ts'));
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['flagdebt/registered', 1, 1]]);
    expect(messages[0].message).toMatch(/^flagdebt: broken-config\/flagdebt\.config\.json:3:\d+: unknown key `acessors` \(did you mean `accessors`\?\) Fix: rename it to `accessors`$/);
  });

  it('no config anywhere above the file', () => {
    const messages = lint(path.join(os.tmpdir(), 'flagdebt-eslint-no-config', 'app.ts'), undefined, os.tmpdir());
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toMatch(/^flagdebt: no flagdebt\.config\.json \(or \.yaml\) found in .+ or any parent folder Fix: run `flagdebt init`/);
  });

  it('a malformed setting', () => {
    const messages = lint(path.join(FIXTURES, 'storefront/src/checkout/Cart.tsx'), { flagdebt: { now: 'tomorrow' } });
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toBe(
      'flagdebt: eslint.config: settings.flagdebt.now must be an ISO date (YYYY-MM-DD), got "tomorrow" Fix: write the date as "2026-11-21" or remove the setting to use today',
    );
  });
});
