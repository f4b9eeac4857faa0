/**
 * The matcher reads other files from disk (the module a key const or a wrapper comes from) and
 * keeps them. In an editor those files change while ESLint keeps running, so this host
 * remembers the mtime of everything it read, and the store asks it now and then what changed.
 */
import { hash } from 'node:crypto';
import fs from 'node:fs';
import { nodeSourceHost, type SourceHost } from '@flagdebt/core';

/** The hash the warm-up keeps of each source text (without a BOM, as ESLint hands texts over). */
export function textHash(text: string): string {
  return hash('sha1', text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** A file's mtime and size, or undefined when it is gone (or cannot be stat'ed). */
export function statOf(file: string): [mtimeMs: number, size: number] | undefined {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat ? [stat.mtimeMs, stat.size] : undefined;
  } catch {
    return undefined;
  }
}

/** A file's mtime, or -1 when it is gone. */
export function mtimeOf(file: string): number {
  return statOf(file)?.[0] ?? -1;
}

export class DiskHost implements SourceHost {
  private readonly mtimes = new Map<string, number>();
  /** Source file -> `textHash` of the text wrapper discovery saw. */
  private knownTexts = new Map<string, string>();

  /** What wrapper discovery saw: a linted text is checked against it without reading the file. */
  rememberTexts(hashes: Map<string, string>): void {
    this.knownTexts = hashes;
  }

  holdsText(absPath: string, text: string): boolean | undefined {
    const hash = this.knownTexts.get(absPath);
    return hash === undefined ? undefined : hash === textHash(text);
  }

  readFile(absPath: string): string | undefined {
    const text = nodeSourceHost.readFile(absPath);
    if (text !== undefined) this.mtimes.set(absPath, mtimeOf(absPath));
    return text;
  }

  fileExists(absPath: string): boolean {
    return nodeSourceHost.fileExists(absPath);
  }

  directoryExists(absPath: string): boolean {
    return nodeSourceHost.directoryExists?.(absPath) ?? false;
  }

  realpath(absPath: string): string {
    return nodeSourceHost.realpath?.(absPath) ?? absPath;
  }

  listDirectories(absPath: string): string[] {
    return nodeSourceHost.listDirectories?.(absPath) ?? [];
  }

  /** Every file read (and not forgotten since). */
  filesRead(): string[] {
    return [...this.mtimes.keys()];
  }

  /** Files read before that changed or disappeared since; they are forgotten until read again. */
  changedFiles(): string[] {
    const changed: string[] = [];
    for (const [file, mtime] of this.mtimes) {
      if (mtimeOf(file) !== mtime) changed.push(file);
    }
    for (const file of changed) this.mtimes.delete(file);
    return changed;
  }
}
