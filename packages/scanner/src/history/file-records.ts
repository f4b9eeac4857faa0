/**
 * What one point knows per file: how many references it holds, the keys it evaluates (so the
 * unregistered count follows the registry without re-reading the file) and its declarations (so
 * a file that only gained key-source marks can be told apart from one that lost some).
 */
import type { Registry } from '@flagdebt/core';
import type { ScanResult } from '../types.js';

export interface FileRecord {
  references: number;
  /** Keys of the file's evaluations outside tests (dynamic ones have none). */
  evaluated: string[];
  /** `line:column:key` of each declaration. */
  declarations: string[];
}

const NONE: FileRecord = { references: 0, evaluated: [], declarations: [] };

export class FileRecords {
  private readonly byFile = new Map<string, FileRecord>();

  /** The records of a scan; `rel` maps the scan's paths to repository-relative ones. */
  static from(result: ScanResult, rel: (file: string) => string): FileRecords {
    const records = new FileRecords();
    for (const ref of result.references) {
      const file = rel(ref.file);
      let record = records.byFile.get(file);
      if (!record) records.byFile.set(file, (record = { references: 0, evaluated: [], declarations: [] }));
      record.references++;
      // Reads in test files are counted apart (`unregisteredInTests`), never as unregistered.
      if (ref.kind === 'evaluation' && ref.flag !== null) {
        if (!ref.test) record.evaluated.push(ref.flag);
      }
      else if (ref.kind === 'declaration') record.declarations.push(`${ref.line}:${ref.column}:${ref.flag}`);
    }
    return records;
  }

  get(file: string): FileRecord {
    return this.byFile.get(file) ?? NONE;
  }

  set(file: string, record: FileRecord): void {
    if (record.references === 0) this.byFile.delete(file);
    else this.byFile.set(file, record);
  }

  /** `file`'s reads as recorded here, with the declarations of `other` (a scan that only declared). */
  withDeclarationsOf(file: string, other: FileRecord): FileRecord {
    const own = this.get(file);
    return { references: own.references - own.declarations.length + other.declarations.length, evaluated: own.evaluated, declarations: other.declarations };
  }

  declarations(file: string): Set<string> {
    return new Set(this.get(file).declarations);
  }

  references(): number {
    let total = 0;
    for (const record of this.byFile.values()) total += record.references;
    return total;
  }

  /** Evaluations of keys `registry` does not hold: the scan's `unregistered` count. */
  unregistered(registry: Registry): number {
    let total = 0;
    for (const record of this.byFile.values()) for (const key of record.evaluated) if (!registry.flags.has(key)) total++;
    return total;
  }
}
