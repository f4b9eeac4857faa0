/**
 * The SourceHost the scanner gives FlagProject: it serves the texts already read (each file is
 * read once per scan) and records every file the project loads by itself, which are the key
 * sources behind imports whose declarations belong in the index.
 */
import type { SourceHost } from '@flagdebt/core';
import { absentFromListing, type FolderNames } from '@flagdebt/core/files';

export function scannedSourceHost(
  texts: Map<string, string>,
  fallback: Pick<SourceHost, 'readFile' | 'fileExists' | 'directoryExists' | 'realpath' | 'listDirectories'>,
  loaded: Set<string>,
  /** What the folders the scan listed hold: a name they lack is missing without asking the disk. */
  folders?: FolderNames,
): SourceHost {
  const absent = folders ? (file: string) => absentFromListing(folders, file) : () => false;
  const existence = new Map<string, boolean>();
  const directories = new Map<string, boolean>();
  const read = (file: string): string | undefined => {
    const text = texts.get(file);
    if (text !== undefined) return text;
    try {
      return fallback.readFile(file);
    } catch {
      return undefined;
    }
  };
  const host: SourceHost = {
    readFile(file) {
      loaded.add(file);
      return read(file);
    },
    // Read to test the text, not to parse it: not a key source to index.
    peekFile: read,
    fileExists(file) {
      if (texts.has(file)) return true;
      // Module resolution asks about the same missing candidates (`x.ts`, `x.tsx`, `x/index.ts`)
      // from every importing file: one stat per path is enough for a scan.
      let known = existence.get(file);
      if (known === undefined) {
        known = !absent(file) && fallback.fileExists(file);
        existence.set(file, known);
      }
      return known;
    },
  };
  const directoryExists = fallback.directoryExists?.bind(fallback);
  if (directoryExists) {
    host.directoryExists = (dir) => {
      let known = directories.get(dir);
      if (known === undefined) {
        known = !absent(dir) && directoryExists(dir);
        directories.set(dir, known);
      }
      return known;
    };
  }
  // Links are resolved and folders listed as the host does; both only for module resolution.
  if (fallback.realpath) host.realpath = fallback.realpath.bind(fallback);
  if (fallback.listDirectories) host.listDirectories = fallback.listDirectories.bind(fallback);
  return host;
}
