/**
 * `settings.flagdebt` in an ESLint config: the one place a user tells every flagdebt rule
 * where the config is and what day it is. Read once per file, shared by all rules.
 */
import path from 'node:path';
import { parseIsoDate, todayIso, type Diagnostic, type IsoDate } from '@flagdebt/core';

export interface FlagdebtSettings {
  /** Absolute config path from `settings.flagdebt.config`, or null to walk up from the linted file. */
  config: string | null;
  /** "Today" for the expiry rules. */
  now: IsoDate;
}

export interface SettingsResult {
  settings: FlagdebtSettings;
  /** A settings mistake, reported like a config error (once per file, line 1). */
  problem: Diagnostic | null;
}

function settingsProblem(message: string, fix: string): Diagnostic {
  return { severity: 'error', code: 'eslint/settings', file: 'eslint.config', line: 0, column: 0, message, fix };
}

/** Per settings object (shared by every file one flat config applies to): cwd, today, result. */
const cache = new WeakMap<object, { cwd: string; today: IsoDate; result: SettingsResult }>();

/**
 * Relative `config` paths are resolved against ESLint's cwd, like every other path in a flat config.
 * Read once per settings object and day, not once per linted file.
 */
export function readSettings(raw: Readonly<Record<string, unknown>> | undefined, cwd: string): SettingsResult {
  const today = currentDay();
  if (raw === undefined) return parseSettings(raw, cwd, today);
  const hit = cache.get(raw);
  if (hit && hit.cwd === cwd && hit.today === today) return hit.result;
  const result = parseSettings(raw, cwd, today);
  cache.set(raw, { cwd, today, result });
  return result;
}

let day = { checkedAt: -Infinity, today: '' as IsoDate };

/** `todayIso()`, recomputed at most once a second (it is asked for every linted file). */
function currentDay(): IsoDate {
  const now = Date.now();
  if (now - day.checkedAt >= 1000) day = { checkedAt: now, today: todayIso() };
  return day.today;
}

function parseSettings(raw: Readonly<Record<string, unknown>> | undefined, cwd: string, today: IsoDate): SettingsResult {
  const block = raw?.flagdebt;
  const settings: FlagdebtSettings = { config: null, now: today };
  if (block === undefined) return { settings, problem: null };
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    return { settings, problem: settingsProblem('settings.flagdebt must be an object', 'use settings: { flagdebt: { config: "flagdebt.config.json", now: "2026-11-21" } }') };
  }
  const { config, now } = block as Record<string, unknown>;
  if (config !== undefined) {
    if (typeof config !== 'string' || config.length === 0) {
      return { settings, problem: settingsProblem('settings.flagdebt.config must be a non-empty path string', 'set it to the path of flagdebt.config.json, relative to the ESLint working directory') };
    }
    settings.config = path.resolve(cwd, config);
  }
  if (now !== undefined) {
    if (typeof now !== 'string' || parseIsoDate(now) === null) {
      return { settings, problem: settingsProblem(`settings.flagdebt.now must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(now)}`, 'write the date as "2026-11-21" or remove the setting to use today') };
    }
    settings.now = now;
  }
  return { settings, problem: null };
}
