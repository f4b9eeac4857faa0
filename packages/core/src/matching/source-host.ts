import fs from 'node:fs';

/** File access for matching; the ESLint plugin and tests supply in-memory hosts. */
export interface SourceHost {
  readFile(absPath: string): string | undefined;
  fileExists(absPath: string): boolean;
  directoryExists?(absPath: string): boolean;
  /** Resolves symlinks, so workspace packages linked into node_modules count as project files. */
  realpath?(absPath: string): string;
  /** Names of the folders in a folder (empty when it cannot be read): finds workspace packages. */
  listDirectories?(absPath: string): string[];
  /**
   * Whether `text` is the text the host holds for the file, when the host can tell without
   * reading it (say from a hash it kept); undefined: read the file and compare.
   */
  holdsText?(absPath: string, text: string): boolean | undefined;
  /**
   * The text, read only to test it (`FlagProject` asks whether a module can declare a
   * wrapper): a host that records what the project loads need not count it. Default: `readFile`.
   */
  peekFile?(absPath: string): string | undefined;
}

export const nodeSourceHost: SourceHost = {
  readFile(absPath) {
    try {
      return fs.readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
  },
  // Module resolution probes many paths that do not exist: a miss must not cost an exception.
  fileExists(absPath) {
    try {
      return fs.statSync(absPath, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  },
  directoryExists(absPath) {
    try {
      return fs.statSync(absPath, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  },
  realpath(absPath) {
    try {
      return fs.realpathSync(absPath);
    } catch {
      return absPath;
    }
  },
  listDirectories(absPath) {
    try {
      return fs
        .readdirSync(absPath, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    } catch {
      return [];
    }
  },
};
