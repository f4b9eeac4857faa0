/**
 * A registry that lives in code: the rules judge reads against the keys the code lists, and the
 * store reloads the registry when one of its modules (or the metadata YAML) changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import noArchived from '../src/rules/no-archived.js';
import registered from '../src/rules/registered.js';
import { ProjectStore } from '../src/project-store.js';
import { createRuleTester } from './rule-tester.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../scanner/test/fixtures/code-registry');

function source(repo: string, rel: string): { filename: string; code: string } {
  const filename = path.join(FIXTURES, repo, rel);
  return { filename, code: fs.readFileSync(filename, 'utf8') };
}

const header = source('union', 'frontend/src/component/Header.tsx');
const events = source('union', 'src/lib/services/event-service.ts');
const checkout = source('enum', 'apps/web/src/checkout/Checkout.tsx');
const search = source('enum', 'apps/web/src/search/SearchPage.tsx');

createRuleTester().run('registered (code registry)', registered, {
  valid: [header, search, checkout],
  invalid: [
    {
      ...events,
      errors: [
        {
          messageId: 'unregistered',
          line: 15,
          data: { key: 'projectExprt', registry: 'src/lib/types/experimental.ts', didYouMean: ' Did you mean "projectExport"?' },
          suggestions: [{ messageId: 'useRegisteredKey', data: { key: 'projectExport' }, output: events.code.replace("'projectExprt'", "'projectExport'") }],
        },
      ],
    },
  ],
});

createRuleTester().run('no-archived (code registry: @deprecated member)', noArchived, {
  valid: [search, header],
  invalid: [{ ...checkout, errors: [{ messageId: 'archived', line: 5, data: { key: 'legacy-search', since: ' since 2026-02-01' } }] }],
});

describe('ProjectStore with a code registry', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Writes `text` and moves the mtime forward, so the change shows within one clock tick. */
  function touch(target: string, text: string, secondsLater: number): void {
    fs.writeFileSync(target, text);
    const when = new Date(Date.now() + secondsLater * 1000);
    fs.utimesSync(target, when, when);
  }

  it('reloads when the module behind the barrel or the metadata YAML changes, keeping the matcher', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-store-code-'));
    fs.cpSync(path.join(FIXTURES, 'enum'), dir, { recursive: true });
    const file = path.join(dir, 'apps/web/src/search/SearchPage.tsx');
    const store = new ProjectStore(0);
    const first = store.stateFor(file, null);
    expect(first.problem).toBeNull();
    expect(first.registry?.source).toBe('code');
    expect([...first.registry!.flags.keys()]).toContain('gift-cards');
    // The config names the package; the keys sit in feature-flag.ts behind its index.ts.
    const enumFile = path.join(dir, 'packages/flags/src/feature-flag.ts');
    touch(enumFile, fs.readFileSync(enumFile, 'utf8').replace("GiftCards = 'gift-cards',", "GiftCards = 'gift-cards',\n  Wishlist = 'wishlist',"), 5);
    const second = store.stateFor(file, null);
    expect(second).not.toBe(first);
    expect([...second.registry!.flags.keys()]).toContain('wishlist');
    expect(second.matcher).toBe(first.matcher);
    // No metadata YAML yet: creating one is a change too.
    touch(path.join(dir, 'flags.yaml'), 'flags:\n  wishlist:\n    owner: growth\n    created: 2026-11-01\n', 10);
    const third = store.stateFor(file, null);
    expect(third.registry!.flags.get('wishlist')?.owner).toBe('growth');
    expect(store.stateFor(file, null)).toBe(third);
  });
});
