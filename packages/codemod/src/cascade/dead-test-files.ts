import path from 'node:path';
import ts from '../ts-morph-ts.cjs';
import { accessorName, type Diagnostic, type FlagdebtConfig, type FlagValue } from '@flagdebt/core';
import { PathRules } from '@flagdebt/core/files';
import { parse } from '../fold/fold-engine.js';
import type { SourceSet } from '../removal/source-set.js';
import { deleteDeadTests, type DeadTestsOutcome } from './dead-tests.js';
import { FlagNames } from './test-settings.js';

export interface TestSweep {
  /** Test files this run edited or deleted (the cascade starts there too: imports the deleted tests used). */
  changed: string[];
  warnings: Diagnostic[];
}

/**
 * Deletes the dead side's tests in every test file (config `tests` globs) that names a removed
 * flag. `words`: names bound to the keys and wrapper names (see candidateFiles).
 */
export function sweepTestFiles(options: {
  config: FlagdebtConfig;
  sources: SourceSet;
  /** `unset`: what the flag read in tests that never set it (see unsetValue in plan-removal). */
  flags: Array<{ key: string; value: FlagValue; unset?: FlagValue }>;
  words: Set<string>;
  resolveModule(specifier: string, fromFile: string): string | null;
}): TestSweep {
  const { config, sources } = options;
  const rules = new PathRules(config.root, config);
  const accessors = new Set(config.accessors.map((a) => accessorName(a)));
  const isAccessor = (callee: string) => accessors.has(callee) || options.words.has(callee);
  const keys = options.flags.map((f) => f.key);
  const words = [...options.words].filter((w) => !keys.includes(w) && !genericName(w, keys, sources));
  const flags = options.flags.map((f) => ({ names: new FlagNames(f.key, words), value: f.value, unset: f.unset }));
  const out: TestSweep = { changed: [], warnings: [] };
  for (const file of sources.files().sort()) {
    const text = sources.text(file);
    if (typeof text !== 'string' || !rules.isTest(file) || !flags.some((f) => f.names.mentionedIn(text))) continue;
    let outcome: DeadTestsOutcome | null;
    try {
      outcome = deleteDeadTests(file, text, flags, isAccessor);
    } catch (error) {
      // Pathologically deep code overflows the recursive walks: that file's tests stay.
      if (!(error instanceof RangeError)) throw error;
      continue;
    }
    if (!outcome) continue;
    const relative = path.relative(config.root, file).split(path.sep).join('/');
    if (outcome.text === null) {
      for (const spec of importSpecifiers(parse(file, text))) {
        const target = options.resolveModule(spec, file);
        if (target) out.changed.push(target);
      }
      sources.delete(file);
    } else {
      sources.set(file, outcome.text);
    }
    out.changed.push(file);
    const bySetting = outcome.deletedTests.filter((t) => !t.byDefault);
    const byDefault = outcome.deletedTests.filter((t) => t.byDefault);
    const titles = (tests: typeof bySetting) => tests.map((t) => JSON.stringify(t.title)).join(', ');
    const report = (tests: typeof bySetting, message: string, fix: string): void => {
      if (tests.length > 0) out.warnings.push({ severity: 'warning', code: 'remove/deleted-test', file: relative, line: tests[0].line, column: 1, message: `${message} (${titles(tests)})`, fix });
    };
    report(
      bySetting,
      `${outcome.text === null ? 'deleted the file: every test in it sets' : `deleted ${bySetting.length === 1 ? 'a test that sets' : `${bySetting.length} tests that set`}`} the flag to a value it can no longer have`,
      'check that the kept side is still tested',
    );
    report(
      byDefault,
      `deleted ${byDefault.length === 1 ? 'a test that sets' : `${byDefault.length} tests that set`} nothing and so ran with the flag's default, a value it can no longer have, while the tests beside it set the kept value`,
      'check that what these tests asserted beyond the flag is still tested',
    );
  }
  return out;
}

function importSpecifiers(sf: ts.SourceFile): string[] {
  return sf.statements.filter(ts.isImportDeclaration).map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
}

/**
 * A name bound to the key that also names other things: `flag` of a route entry
 * `{ path: '/x', flag: 'k' }` is a data field, and `{ flag: false }` in a test is not this flag.
 * A plain lowercase word, or a name bound elsewhere to a string that is not a removed key, is
 * generic; `NEW_NAV` or `FlagKey.NewNav` are not.
 */
function genericName(word: string, keys: string[], sources: SourceSet): boolean {
  if (/^[a-z]+$/.test(word)) return true;
  const escaped = word.replace(/[$]/g, '\\$');
  const binding = new RegExp(`(?<![\\w$])${escaped}['"]?\\s*[:=]\\s*(['"\`])([^'"\`\\n]*)\\1`, 'g');
  for (const file of sources.filesMentioning(word, 'original')) {
    for (const m of (sources.originalText(file) ?? '').matchAll(binding)) if (!keys.includes(m[2])) return true;
  }
  return false;
}

