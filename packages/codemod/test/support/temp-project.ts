import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));

/** A throw-away project: the shared fixture config and registry plus the given files. */
export function tempProject(files: Record<string, string>, prefix = 'flagdebt-remove-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.copyFileSync(path.join(fixtures, 'flagdebt.config.json'), path.join(dir, 'flagdebt.config.json'));
  fs.copyFileSync(path.join(fixtures, 'flags.yaml'), path.join(dir, 'flags.yaml'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
