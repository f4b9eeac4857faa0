import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskScanHost, scan, type ScanHost } from '../src/index.js';
import { fixture, NOW, referencesOf, scanFixture } from './helpers.js';

describe('problems: files that cannot be scanned', async () => {
  const result = await scanFixture('problems', 'damaged');

  it('reports an unparsable file as an error with its line, and keeps scanning', () => {
    expect(result.problems).toContainEqual({ file: 'src/broken.ts', line: 4, message: "could not parse: ')' expected.", severity: 'error' });
    expect(referencesOf(result, 'bulk-export')).toEqual(['src/report.ts:4:10 evaluation flags.isEnabled']);
  });

  it('skips binary and minified files with a note', () => {
    const skipped = result.problems.filter((p) => p.severity === 'skipped');
    expect(skipped.map((p) => [p.file, p.message.split(' (')[0]])).toEqual([
      ['src/assets/intro.ts', 'binary file'],
      ['src/vendor/bundle.min.js', 'minified file'],
    ]);
  });

  it('warns about a file nested too deeply to parse instead of crashing', () => {
    expect(result.problems).toContainEqual({
      file: 'src/generated/rules.ts',
      message: expect.stringMatching(/nested too deeply/),
      severity: 'warning',
    });
  });

  it('skips files over 2 MB', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-huge-'));
    try {
      fs.cpSync(fixture('problems', 'damaged'), dir, { recursive: true });
      const line = "export const rows = [flags.isEnabled('bulk-export'), 1, 2, 3, 4, 5, 6, 7, 8, 9];\n";
      fs.writeFileSync(path.join(dir, 'src', 'data.ts'), line.repeat(Math.ceil((2.1 * 1024 * 1024) / line.length)));
      const huge = await scan({ dir, now: NOW });
      expect(huge.problems.find((p) => p.file === 'src/data.ts')).toMatchObject({ severity: 'skipped', message: expect.stringMatching(/too large/) });
      expect(huge.references.some((r) => r.file === 'src/data.ts')).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreadable file (EACCES) and scans the rest', async () => {
    const denied: ScanHost = {
      ...diskScanHost,
      readSource(file, max) {
        if (file.endsWith('report.ts')) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
        return diskScanHost.readSource!(file, max);
      },
    };
    const unreadable = await scan({ dir: fixture('problems', 'damaged'), now: NOW, host: denied });
    expect(unreadable.problems).toContainEqual({ file: 'src/report.ts', message: 'could not read: permission denied', severity: 'error' });
    expect(unreadable.references).toEqual([]);
  });
});
