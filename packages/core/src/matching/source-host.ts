import fs from 'node:fs';

/** File access for matching; the ESLint plugin and tests supply in-memory hosts. */
export interface SourceHost {
  readFile(absPath: string): string | undefined;
  fileExists(absPath: string): boolean;
  directoryExists?(absPath: string): boolean;
  /** Resolves symlinks, so workspace packages linked into node_modules count as project files. */
  realpath?(absPath: string): string;
}

export const nodeSourceHost: SourceHost = {
  readFile(absPath) {
    try {
      return fs.readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
  },
  fileExists(absPath) {
    try {
      return fs.statSync(absPath).isFile();
    } catch {
      return false;
    }
  },
  directoryExists(absPath) {
    try {
      return fs.statSync(absPath).isDirectory();
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
};
