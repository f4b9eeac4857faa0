/**
 * Whether a package.json change can change how imports resolve. A busy repository bumps its
 * dependencies every week; that changes nothing a scan sees, so it must not cost a full scan.
 */

/** The fields module resolution (TypeScript's Bundler mode, workspace packages' sources) reads from a package.json. */
const MODULE_FIELDS = ['name', 'type', 'main', 'module', 'types', 'typings', 'source', 'exports', 'imports', 'typesVersions', 'browser', 'workspaces'];

/** `before`/`after` are the file's texts, undefined when it did not exist. */
export function packageJsonMatters(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return true;
  const a = moduleFields(before);
  const b = moduleFields(after);
  return a === null || b === null || a !== b;
}

function moduleFields(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  return JSON.stringify(MODULE_FIELDS.map((field) => record[field] ?? null));
}
