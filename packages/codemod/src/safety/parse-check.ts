import ts from '../ts-morph-ts.cjs';
import type { Diagnostic } from '@flagdebt/core';
import { parse } from '../fold/fold-engine.js';

/** Syntax errors of a text (what the parser reports; no type checking). */
export function syntaxErrors(file: string, display: string, text: string): Diagnostic[] {
  return syntaxErrorsOf(parse(file, text), display);
}

/** The same, of a file already parsed (with fold-engine's `parse`). */
export function syntaxErrorsOf(sf: ts.SourceFile, display: string): Diagnostic[] {
  const diags = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diags.map((d) => {
    const pos = sf.getLineAndCharacterOfPosition(d.start);
    return {
      severity: 'error' as const,
      code: 'remove/unparsable-result',
      file: display,
      line: pos.line + 1,
      column: pos.character + 1,
      message: `the rewritten file would not parse: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      fix: 'nothing was written; please report this input to flagdebt, and remove this flag by hand meanwhile',
    };
  });
}
