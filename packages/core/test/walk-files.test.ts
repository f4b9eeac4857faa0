import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkFiles } from '../src/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagdebt-walk-core-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
for (const rel of ['a.ts', 'b.md', 'src/c.ts', 'src/d.tsx', 'src/deep/e.ts', 'src/deep/f.json']) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), '');
}
const names = (files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();

describe('walkFiles options', () => {
  it('lists only the files `keep` accepts', () => {
    expect(names(walkFiles(dir, { keep: (name) => name.endsWith('.ts') }))).toEqual(['a.ts', 'src/c.ts', 'src/deep/e.ts']);
  });

  it('stops once it has listed more than `limit` kept files', () => {
    expect(walkFiles(dir, { limit: 1 })).toHaveLength(2);
    expect(walkFiles(dir, { keep: (name) => name.endsWith('.ts'), limit: 2 })).toHaveLength(3);
    expect(walkFiles(dir, { limit: 100 })).toHaveLength(6);
  });
});
