/**
 * `@flagdebt/core/resolve`: module resolution as the scanner does it, for tools that run their
 * own TypeScript (the codemod's type-check gate, in its worker thread): a monorepo's own packages
 * resolve to their sources even when they point at an unbuilt dist/, and each file's imports go
 * through its nearest tsconfig. A small entry point, so a worker does not load the whole core.
 */
import { ModuleResolver } from '../matching/module-resolver.js';
import { nodeSourceHost } from '../matching/source-host.js';

/** Resolves `specifier` imported by `fromFile` to a project source file, or null (packages, declarations, none). */
export type ProjectModuleResolver = (specifier: string, fromFile: string) => string | null;

/** The resolver the scanner uses for the files on disk under `root`. */
export function projectModuleResolver(root: string): ProjectModuleResolver {
  const resolver = new ModuleResolver(root, nodeSourceHost, undefined);
  return (specifier, fromFile) => resolver.resolve(specifier, fromFile);
}
