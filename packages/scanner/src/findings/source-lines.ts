/**
 * The code line a reference sits on, for reports a person reads (text, markdown). Reports get
 * lines through a function, so the JSON contract stays as it is and only files that a report
 * shows are read.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A reported line is cut here: enough to recognise the read, short enough for a table. */
const MAX_CODE_CHARS = 120;

export type SourceLines = (file: string, line: number) => string | undefined;

/** Lines of `text`, split once per text. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The trimmed line, cut to a readable length. */
export function codeLine(lines: readonly string[], line: number): string | undefined {
  const raw = lines[line - 1];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed.length > MAX_CODE_CHARS ? `${trimmed.slice(0, MAX_CODE_CHARS - 1)}…` : trimmed;
}

/**
 * Lines of files under `root` (paths as reports write them: relative, forward slashes), each file
 * read once on first use. An unreadable file has no lines.
 */
export function sourceLineReader(root: string, readFile: (absolute: string) => string = (f) => fs.readFileSync(f, 'utf8')): SourceLines {
  const cache = new Map<string, string[] | null>();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === undefined) {
      try {
        lines = linesOf(readFile(path.join(root, file)));
      } catch {
        lines = null;
      }
      cache.set(file, lines);
    }
    return lines === null ? undefined : codeLine(lines, line);
  };
}
