/** `flagdebt remove` on a registry that lives in code: the key leaves the code, its tombstone keeps guarding. */
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, cli, tempProject } from '../helpers.js';

const CASE = join(REPO, 'packages/codemod/test/fixtures-typed/code-union');

describe('retiring a key from a code registry, through the CLI', () => {
  it('removes newNav from the union and its mirrors, archives it in the metadata, and scan then reports a new read of it', async () => {
    const project = tempProject();
    try {
      cpSync(join(CASE, 'input'), project.dir, { recursive: true });
      for (const f of ['flagdebt.config.json', 'flags.yaml']) cpSync(join(CASE, f), join(project.dir, f));
      const removed = await cli(['remove', 'newNav', '--dir', project.dir, '--allow-dirty', '--now', '2026-11-21'], project.dir);
      // Only the loader's note that git cannot date the other keys (no repository here).
      expect(removed.stderr).not.toMatch(/error/);
      expect(removed.code).toBe(0);
      expect(readFileSync(join(project.dir, 'src/types/flags.ts'), 'utf8')).not.toContain('newNav');
      expect(readFileSync(join(project.dir, 'flags.yaml'), 'utf8')).toContain('    state: archived\n    value: true\n    since: 2026-11-21\n');

      const clean = await cli(['scan', project.dir], project.dir);
      expect(clean.stdout).not.toContain('ARCHIVED, IN USE');
      // Someone reads the retired key again: the tombstone says it is archived.
      appendFileSync(join(project.dir, 'src/server/routes.ts'), "\nexport function again(resolver: FlagResolver): boolean {\n    return resolver.isEnabled('newNav' as never);\n}\n");
      const reused = await cli(['scan', project.dir], project.dir);
      expect(reused.stdout).toMatch(/newNav: archived on 2026-11-21 but still referenced once/);
      expect(reused.stdout).toContain('src/server/routes.ts:13:');
    } finally {
      project.cleanup();
    }
  });
});
