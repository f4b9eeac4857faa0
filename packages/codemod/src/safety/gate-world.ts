import path from 'node:path';
// Types only (see type-gate.ts: the worker thread must not load ts-morph).
import type { ts } from 'ts-morph';
import { traceGate } from './gate-trace.js';

type TypeScript = typeof ts;

/** TypeScript's Program keeps each file's resolutions; it does not export the lookups (internal since 5.x). */
type Internal = ts.Program & {
  getResolvedModule?: (f: ts.SourceFile, name: string, mode: ts.ResolutionMode) => { resolvedModule?: { resolvedFileName: string } } | undefined;
  getResolvedTypeReferenceDirective?: (f: ts.SourceFile, name: string, mode: ts.ResolutionMode) => { resolvedTypeReferenceDirective?: { resolvedFileName?: string } } | undefined;
};

/**
 * Whether a file's diagnostics on the Program `early` (the "before" side checked ahead, see
 * TypeGate.warmBefore) are those it would get on the Program `now` (the check's own "before"
 * Program). A file's types are made of the files it reaches through its imports (and theirs)
 * and of everything global; so `holds(file)` when
 *   - every file that adds something global (a global script, such as the lib files; a module
 *     with `declare global` or `declare module '...'`) is in both Programs or in neither, and
 *   - every file reached from `file` or from those, following the imports, `declare module`
 *     augmentations and `/// <reference types>` that `early` resolved, is in both Programs with
 *     the same text and resolves each of them to the same file (or to none) in both.
 * Files neither reaches (other roots, and what only they import) do not matter, nor does the
 * order the Programs were built in. The lookups are TypeScript internals: a TypeScript without
 * them, or a Program with no record of a name it must have resolved, answers false (the file is
 * then checked again on `now`), so a change in those internals costs speed, never a verdict.
 */
export class SameWorld {
  private readonly inEarly: Map<string, ts.SourceFile>;
  private readonly inNow: Map<string, ts.SourceFile>;
  /** Per file: same text and same resolutions in both, and the files those resolve to (null: not the same). */
  private readonly nodes = new Map<string, string[] | null>();
  private globals: boolean | undefined;

  constructor(
    private readonly tsx: TypeScript,
    private readonly early: ts.Program,
    private readonly now: ts.Program,
  ) {
    this.inEarly = new Map(early.getSourceFiles().map((sf) => [sf.fileName, sf]));
    this.inNow = new Map(now.getSourceFiles().map((sf) => [sf.fileName, sf]));
  }

  holds(file: string): boolean {
    if (this.early === this.now) return true;
    const sf = this.early.getSourceFile(file);
    if (!sf) return false;
    this.globals ??= this.globalsAgree();
    const ok = this.globals && this.closureAgrees([sf.fileName]);
    if (!ok && process.env.FLAGDEBT_DEBUG_GATE) traceGate(`before side ahead not taken for ${file}: ${this.globals ? 'its imports resolve otherwise' : 'what is global differs'}`);
    return ok;
  }

  private globalsAgree(): boolean {
    const globalFiles: string[] = [];
    for (const [name, sf] of this.inEarly) {
      if (!addsGlobals(this.tsx, sf)) continue;
      if (!this.inNow.has(name)) return false;
      globalFiles.push(name);
    }
    for (const [name, sf] of this.inNow) if (addsGlobals(this.tsx, sf) && !this.inEarly.has(name)) return false;
    return this.closureAgrees(globalFiles);
  }

  private closureAgrees(starts: string[]): boolean {
    const seen = new Set(starts);
    const todo = [...starts];
    while (todo.length > 0) {
      const targets = this.node(todo.pop()!);
      if (targets === null) return false;
      for (const t of targets) {
        if (seen.has(t)) continue;
        seen.add(t);
        todo.push(t);
      }
    }
    return true;
  }

  private node(name: string): string[] | null {
    let out = this.nodes.get(name);
    if (out === undefined) {
      out = this.compare(name);
      this.nodes.set(name, out);
    }
    return out;
  }

  private compare(name: string): string[] | null {
    const a = this.early as Internal;
    const b = this.now as Internal;
    if (typeof a.getResolvedModule !== 'function' || typeof b.getResolvedModule !== 'function') return null;
    if (typeof a.getResolvedTypeReferenceDirective !== 'function' || typeof b.getResolvedTypeReferenceDirective !== 'function') return null;
    const sf = this.inEarly.get(name);
    const other = this.inNow.get(name);
    if (!sf || !other || other.text !== sf.text) return null;
    const targets: string[] = [];
    // What TypeScript resolves of a file: its imports and its `declare module '...'` augmentations.
    const internal = sf as ts.SourceFile & { imports?: readonly ts.StringLiteralLike[]; moduleAugmentations?: ReadonlyArray<ts.StringLiteral | ts.Identifier> };
    if (!Array.isArray(internal.imports) || !Array.isArray(internal.moduleAugmentations)) return null;
    const literals = [...internal.imports, ...internal.moduleAugmentations.filter((m): m is ts.StringLiteral => this.tsx.isStringLiteral(m))];
    for (const literal of literals) {
      const mode = this.early.getModeForUsageLocation(sf, literal);
      const x = a.getResolvedModule(sf, literal.text, mode);
      const y = b.getResolvedModule(other, literal.text, mode);
      // Each Program records every name it resolved, found or not: a missing record means the question was not asked as TypeScript asks it.
      if (x === undefined || y === undefined || x.resolvedModule?.resolvedFileName !== y.resolvedModule?.resolvedFileName) return null;
      const target = this.fileName(x.resolvedModule?.resolvedFileName);
      if (target !== undefined) targets.push(target);
    }
    for (const ref of sf.typeReferenceDirectives) {
      // TypeScript's own key for a type reference: the name in lower case, the file's module format unless the reference says.
      const mode = ref.resolutionMode ?? sf.impliedNodeFormat;
      const x = a.getResolvedTypeReferenceDirective(sf, ref.fileName.toLowerCase(), mode);
      const y = b.getResolvedTypeReferenceDirective(other, ref.fileName.toLowerCase(), mode);
      if (x === undefined || y === undefined || x.resolvedTypeReferenceDirective?.resolvedFileName !== y.resolvedTypeReferenceDirective?.resolvedFileName) return null;
      const target = this.fileName(x.resolvedTypeReferenceDirective?.resolvedFileName);
      if (target !== undefined) targets.push(target);
    }
    // `/// <reference path>`: the referenced file is part of this one's world too.
    for (const ref of sf.referencedFiles) {
      const target = this.fileName(path.resolve(path.dirname(sf.fileName), ref.fileName));
      if (target === undefined) return null;
      targets.push(target);
    }
    return targets;
  }

  /** The name the Program holds a resolved file under (undefined: not in it, e.g. a resolution TypeScript did not follow). */
  private fileName(resolved: string | undefined): string | undefined {
    if (resolved === undefined) return undefined;
    return this.early.getSourceFile(resolved)?.fileName;
  }
}

/** A file that can change the types of files that do not import it: a global script, `declare global`, a `declare module` augmentation. */
function addsGlobals(tsx: TypeScript, sf: ts.SourceFile): boolean {
  if (!tsx.isExternalModule(sf)) return true;
  return sf.statements.some((s) => tsx.isModuleDeclaration(s) && (tsx.isStringLiteral(s.name) || (s.flags & tsx.NodeFlags.GlobalAugmentation) !== 0));
}
