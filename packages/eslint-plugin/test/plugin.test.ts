/** The plugin checks itself: every rule documented, linked, and placed in a config on purpose. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ruleNames = Object.keys(plugin.rules).sort();

/** Rules that no config turns on. Empty: every rule is in `strict` at least. */
const IN_NO_CONFIG: string[] = [];

describe('plugin', () => {
  it('exposes meta, rules and both configs', () => {
    const pkg = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-flagdebt', namespace: 'flagdebt', version: pkg.version });
    expect(ruleNames).toEqual(
      ['inline-evaluation', 'max-flags-per-function', 'naming', 'no-archived', 'no-expired', 'ready-to-remove', 'registered', 'safe-default', 'static-key'],
    );
    expect(Object.keys(plugin.configs).sort()).toEqual(['recommended', 'strict']);
  });

  it('every config includes the plugin itself under the flagdebt namespace', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config.plugins?.flagdebt).toBe(plugin);
      for (const id of Object.keys(config.rules ?? {})) {
        expect(id).toMatch(/^flagdebt\//);
        expect(ruleNames).toContain(id.slice('flagdebt/'.length));
      }
    }
  });

  it('recommended and strict set the documented severities', () => {
    expect(plugin.configs.recommended.rules).toEqual({
      'flagdebt/static-key': 'error',
      'flagdebt/registered': 'error',
      'flagdebt/safe-default': 'error',
      'flagdebt/no-archived': 'error',
      'flagdebt/no-expired': 'warn',
      'flagdebt/ready-to-remove': 'warn',
      'flagdebt/naming': 'warn',
    });
    expect(plugin.configs.strict.rules).toEqual({
      ...plugin.configs.recommended.rules,
      'flagdebt/inline-evaluation': 'error',
      'flagdebt/max-flags-per-function': 'warn',
    });
  });

  it('both configs apply to TypeScript files as well as JavaScript ones (ESLint alone lints only .js)', async () => {
    const eslint = new ESLint({ cwd: PACKAGE, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    for (const file of ['src/a.ts', 'src/b.tsx', 'src/c.mts', 'src/d.js', 'src/e.jsx']) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> } | undefined;
      expect(Object.keys(config?.rules ?? {}), file).toContain('flagdebt/registered');
    }
    expect(await eslint.calculateConfigForFile('README.md')).toBeUndefined();
  });

  it('every rule is in a config, or deliberately in none', () => {
    const configured = new Set(Object.values(plugin.configs).flatMap((c) => Object.keys(c.rules ?? {})));
    for (const name of ruleNames) {
      expect(configured.has(`flagdebt/${name}`) || IN_NO_CONFIG.includes(name), `${name} is in no config`).toBe(true);
    }
  });
});

describe.each(ruleNames)('rule %s', (name) => {
  const rule = plugin.rules[name as keyof typeof plugin.rules];
  const docFile = path.join(PACKAGE, 'docs', 'rules', `${name}.md`);

  it('has a doc with why, incorrect and correct examples', () => {
    expect(existsSync(docFile)).toBe(true);
    const doc = readFileSync(docFile, 'utf8');
    expect(doc).toContain('## Rule details');
    expect(doc).toContain('## Examples');
    expect(doc).toMatch(/Incorrect/);
    expect(doc).toMatch(/Correct/);
    expect(doc).toContain(rule.meta.docs?.description);
  });

  it('links to its doc', () => {
    expect(rule.meta.docs?.url).toBe(`https://github.com/flagdebt/flagdebt/blob/main/packages/eslint-plugin/docs/rules/${name}.md`);
  });

  it('documents every option in its schema', () => {
    const schema = rule.meta.schema;
    const options = Array.isArray(schema) ? schema.flatMap((s) => Object.keys((s as { properties?: object }).properties ?? {})) : [];
    const doc = readFileSync(docFile, 'utf8');
    for (const option of options) expect(doc).toContain(`\`${option}\``);
  });
});

it('every doc belongs to a rule', () => {
  const docs = readdirSync(path.join(PACKAGE, 'docs', 'rules')).map((f) => f.replace(/\.md$/, '')).sort();
  expect(docs).toEqual(ruleNames);
});
