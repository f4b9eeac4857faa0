import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '@flagdebt/core';
import { readSettings } from '../src/settings.js';

const cwd = path.join(path.sep, 'work', 'shop');

describe('readSettings', () => {
  it('defaults to walking up for the config and to today', () => {
    expect(readSettings({}, cwd)).toEqual({ settings: { config: null, now: todayIso() }, problem: null });
  });

  it('resolves a relative config against the ESLint cwd and keeps an explicit date', () => {
    const { settings, problem } = readSettings({ flagdebt: { config: 'tools/flagdebt.config.json', now: '2026-11-21' } }, cwd);
    expect(problem).toBeNull();
    expect(settings).toEqual({ config: path.join(cwd, 'tools', 'flagdebt.config.json'), now: '2026-11-21' });
  });

  it('reports settings mistakes as problems with a fix, never throws', () => {
    for (const flagdebt of [['x'], { config: 3 }, { config: '' }, { now: '21/11/2026' }, { now: '2026-02-30' }, { now: 20261121 }]) {
      const { problem } = readSettings({ flagdebt }, cwd);
      expect(problem, JSON.stringify(flagdebt)).toMatchObject({ severity: 'error', code: 'eslint/settings' });
      expect(problem?.fix).toBeTruthy();
    }
  });

  it('reads one settings object once per working directory (ESLint passes the same object for every file)', () => {
    const raw = { flagdebt: { config: 'flagdebt.config.json', now: '2026-11-21' } };
    const first = readSettings(raw, '/repo');
    expect(readSettings(raw, '/repo')).toBe(first);
    const elsewhere = readSettings(raw, '/other');
    expect(elsewhere.settings.config).toBe(path.resolve('/other', 'flagdebt.config.json'));
    expect(first.settings.config).toBe(path.resolve('/repo', 'flagdebt.config.json'));
  });
});
