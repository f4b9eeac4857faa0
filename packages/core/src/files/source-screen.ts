/**
 * Which files are worth parsing. Binary, minified and huge files never hold hand-written flag
 * reads, and parsing them costs more than the rest of the project together.
 */
import type { RawSource } from './scan-host.js';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const BINARY_PROBE_BYTES = 8 * 1024;
const MINIFIED_LINE = 2000;
const MINIFIED_AVERAGE = 300;

export type ScreenVerdict = { text: string } | { skipped: string };

export function screenRaw(raw: RawSource): ScreenVerdict {
  if (raw.bytes === undefined || raw.size > MAX_FILE_BYTES) return { skipped: tooLarge(raw.size) };
  const probe = raw.bytes.subarray(0, BINARY_PROBE_BYTES);
  if (probe.includes(0)) return { skipped: 'binary file (NUL bytes), skipped' };
  return screenText(Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength).toString('utf8'));
}

export function screenText(text: string): ScreenVerdict {
  if (text.length > MAX_FILE_BYTES) return { skipped: tooLarge(text.length) };
  if (text.slice(0, BINARY_PROBE_BYTES).includes('\0')) return { skipped: 'binary file (NUL bytes), skipped' };
  if (isMinified(text)) return { skipped: 'minified file (very long lines), skipped' };
  return { text };
}

function tooLarge(size: number): string {
  return `file too large (${(size / 1024 / 1024).toFixed(1)} MB, limit 2 MB), skipped`;
}

/** A line over 2,000 characters and an average line over 300: generated, not written. */
export function isMinified(text: string): boolean {
  if (text.length <= MINIFIED_LINE) return false;
  // An average over 300 means fewer than length / 300 lines: stop counting once there are more,
  // so ordinary files cost a handful of indexOf calls.
  const fewestPlainLines = text.length / MINIFIED_AVERAGE;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    if (++lines >= fewestPlainLines) return false;
  }
  longest = Math.max(longest, text.length - start);
  return longest > MINIFIED_LINE;
}
