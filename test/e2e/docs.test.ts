/**
 * `--help`, the README and docs/ agree: every option each command's help lists is documented on
 * that command's page, every command is in the README, and the relative links in the docs (and
 * the shop fixture's README and EXPECTED.md) lead to files that exist.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, cli } from '../helpers.js';

/** The page that documents each command's options. A new command needs a line here. */
const PAGES: Record<string, string> = {
  scan: 'docs/scan.md',
  remove: 'docs/remove.md',
  history: 'docs/dashboards.md',
  'registry validate': 'docs/registry.md',
  'registry import': 'docs/importers.md',
  init: 'docs/init.md',
};

/** The names in a help text's "Commands:" section. */
function commandsOf(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]).filter((name) => name !== 'help');
}

/** The long options in a help text's "Options:" section, --help left out. */
function optionsOf(help: string): string[] {
  const section = (help.split(/^Options:$/m)[1] ?? '').split(/^Commands:$/m)[0];
  const options = [...section.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]);
  return options.filter((option) => option !== '--help');
}

async function help(path: string[]): Promise<string> {
  const result = await cli([...path, '--help']);
  expect(result.code).toBe(0);
  return result.stdout;
}

async function allCommands(): Promise<string[]> {
  const out: string[] = [];
  for (const command of commandsOf(await help([]))) {
    const subcommands = commandsOf(await help([command]));
    if (subcommands.length === 0) out.push(command);
    else for (const sub of subcommands) out.push(`${command} ${sub}`);
  }
  return out;
}

const read = (file: string) => readFileSync(join(REPO, file), 'utf8');

describe('help and docs agree', () => {
  it('every command has a page', async () => {
    expect((await allCommands()).sort()).toEqual(Object.keys(PAGES).sort());
  });

  it.each(Object.entries(PAGES))('every option of `flagdebt %s --help` is on %s', async (command, page) => {
    const options = optionsOf(await help(command.split(' ')));
    expect(options.length).toBeGreaterThan(0);
    const text = read(page);
    const missing = options.filter((option) => !new RegExp(`${option}(?![a-z-])`).test(text));
    expect(missing, `${page} does not mention ${missing.join(', ')}`).toEqual([]);
  });

  it('documents the key=value form of remove', async () => {
    expect(await help(['remove'])).toContain('key=value');
    expect(read('docs/remove.md')).toMatch(/`key=value`/);
  });

  it('the README shows every command', async () => {
    const readme = read('README.md');
    for (const command of await allCommands()) expect(readme, command).toContain(`flagdebt ${command}`);
  });
});

describe('links', () => {
  const pages = [
    'README.md',
    'packages/eslint-plugin/README.md',
    'fixtures/shop/README.md',
    'fixtures/shop/EXPECTED.md',
    ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  ];

  it.each(pages)('%s links only to files that exist', (page) => {
    const text = read(page);
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t));
    const missing = targets.filter((target) => !existsSync(resolve(dirname(join(REPO, page)), target)));
    expect(missing).toEqual([]);
  });

  it('fixtures/shop/EXPECTED.md cites only files of the fixture or the repository', () => {
    const text = read('fixtures/shop/EXPECTED.md');
    const cited = [...new Set([...text.matchAll(/`((?:src|docs|packages)\/[\w./-]+\.[a-z]+)(?::\d+)*`/g)].map((m) => m[1]))];
    expect(cited.length).toBeGreaterThan(30);
    const missing = cited.filter((file) => !existsSync(join(REPO, 'fixtures/shop', file)) && !existsSync(join(REPO, file)));
    expect(missing).toEqual([]);
    expect(text).not.toMatch(/ARCHITECTURE\.md|\/work\//);
  });
});
