/**
 * Reads the discovered files once, screening out what is not worth parsing. One unreadable or
 * odd file becomes a problem record; it never stops the scan.
 */
import fs from 'node:fs';
import { diskScanHost, type ScanHost } from './scan-host.js';
import { MAX_FILE_BYTES, screenRaw, screenText, type ScreenVerdict } from './source-screen.js';

export interface LoadProblem {
  /** Absolute path. */
  file: string;
  message: string;
  severity: 'error' | 'skipped';
}

export interface LoadedSources {
  /** Absolute path -> text, for every file that can be scanned, in discovery order. */
  texts: Map<string, string>;
  problems: LoadProblem[];
}

export function loadSources(files: string[], host: ScanHost, progress?: (done: number) => void): LoadedSources {
  const texts = new Map<string, string>();
  const problems: LoadProblem[] = [];
  files.forEach((file, i) => {
    let verdict: ScreenVerdict | undefined;
    try {
      verdict = readOne(file, host);
    } catch (error) {
      problems.push({ file, message: `could not read: ${describe(error)}`, severity: 'error' });
    }
    if (verdict !== undefined) {
      if ('text' in verdict) texts.set(file, verdict.text);
      else problems.push({ file, message: verdict.skipped, severity: 'skipped' });
    }
    if (progress && (i & 255) === 255) progress(i + 1);
  });
  progress?.(files.length);
  return { texts, problems };
}

function readOne(file: string, host: ScanHost): ScreenVerdict | undefined {
  if (host === diskScanHost) {
    const verdict = readDiskText(file);
    if (verdict !== undefined) return verdict;
  }
  if (host.readSource) {
    const raw = host.readSource(file, MAX_FILE_BYTES);
    return raw === undefined ? undefined : screenRaw(raw);
  }
  const text = host.readFile(file);
  return text === undefined ? undefined : screenText(text);
}

/**
 * A file of the disk read and decoded in one call (Node's `readFileSync` with an encoding opens,
 * reads and closes in native code: ~35 % less CPU than three calls and a decode for 6,000 files),
 * with the verdict `screenRaw` would give; undefined where that cannot be told from the text (an
 * error, a text that may be over the byte limit), so the raw read decides. Each UTF-16 unit
 * decodes from 1-3 bytes, so a text of at most a third of the limit is within it; a NUL byte in
 * the first 8 KB is a NUL character in the first 8 K characters, which `screenText` looks at too.
 */
function readDiskText(file: string): ScreenVerdict | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return text.length * 3 > MAX_FILE_BYTES ? undefined : screenText(text);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
