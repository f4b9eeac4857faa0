/**
 * The reference index: every flag read and key declaration found, by file and by key. The scanner
 * reconciles it with the registry; the codemod uses it to find what to rewrite.
 */
import type { FlagRead, KeyDeclaration } from '@flagdebt/core';

export interface FileReferences {
  /** Absolute path. */
  file: string;
  reads: FlagRead[];
  declarations: KeyDeclaration[];
}

export interface KeyReferences {
  reads: FlagRead[];
  declarations: KeyDeclaration[];
}

export class ReferenceIndex {
  private readonly byFile = new Map<string, FileReferences>();
  private readonly byKey = new Map<string, KeyReferences>();
  private readonly dynamic: FlagRead[] = [];

  /** Records one file's findings, replacing what an earlier call recorded for it (after an edit). */
  add(file: string, reads: FlagRead[], declarations: KeyDeclaration[]): void {
    if (this.byFile.has(file)) this.remove(file);
    this.byFile.set(file, { file, reads, declarations });
    for (const read of reads) {
      if (read.key === null) this.dynamic.push(read);
      else this.entry(read.key).reads.push(read);
    }
    for (const declaration of declarations) this.entry(declaration.key).declarations.push(declaration);
  }

  remove(file: string): void {
    const old = this.byFile.get(file);
    if (!old) return;
    this.byFile.delete(file);
    for (const [key, refs] of this.byKey) {
      refs.reads = refs.reads.filter((r) => r.file !== file);
      refs.declarations = refs.declarations.filter((d) => d.file !== file);
      if (refs.reads.length === 0 && refs.declarations.length === 0) this.byKey.delete(key);
    }
    for (let i = this.dynamic.length - 1; i >= 0; i--) if (this.dynamic[i].file === file) this.dynamic.splice(i, 1);
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  /** Indexed files, in the order they were added. */
  files(): string[] {
    return [...this.byFile.keys()];
  }

  inFile(file: string): FileReferences | undefined {
    return this.byFile.get(file);
  }

  /** Every key read or declared, in first-seen order. */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

  readsOf(key: string): FlagRead[] {
    return this.byKey.get(key)?.reads ?? [];
  }

  declarationsOf(key: string): KeyDeclaration[] {
    return this.byKey.get(key)?.declarations ?? [];
  }

  /** Files holding a read or a declaration of `key`, sorted. */
  filesOf(key: string): string[] {
    const refs = this.byKey.get(key);
    if (!refs) return [];
    return [...new Set([...refs.reads.map((r) => r.file), ...refs.declarations.map((d) => d.file)])].sort();
  }

  dynamicReads(): FlagRead[] {
    return this.dynamic;
  }

  private entry(key: string): KeyReferences {
    let refs = this.byKey.get(key);
    if (!refs) {
      refs = { reads: [], declarations: [] };
      this.byKey.set(key, refs);
    }
    return refs;
  }
}
