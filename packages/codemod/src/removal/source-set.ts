import fs from 'node:fs';
import { diskScanHost, type ScanHost } from '@flagdebt/core/files';
import { decode, normalize, type TextFormat } from '../edit/text-format.js';

/**
 * The project's source texts as read once from disk, plus this run's edits on top. Discovery
 * reads every file for the pre-filter; keeping the texts lets the cascade find importers of a
 * deleted symbol without reading the disk again. Texts are kept normalised (LF, no BOM);
 * `formats` remembers how to write each file back.
 */
export class SourceSet {
  private readonly original = new Map<string, string>();
  private readonly current = new Map<string, string | null>();
  readonly formats = new Map<string, TextFormat>();

  /** A scan host that remembers every text it hands out. */
  readonly host: ScanHost = {
    listFiles: (root, options) => diskScanHost.listFiles(root, options),
    fileExists: (p) => diskScanHost.fileExists(p),
    readFile: (p) => this.originalText(p),
  };

  originalText(file: string): string | undefined {
    if (!this.original.has(file)) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        return undefined;
      }
      const { raw, encoding } = decode(bytes);
      const { text, format } = normalize(raw, encoding);
      this.original.set(file, text);
      this.formats.set(file, format);
    }
    return this.original.get(file);
  }

  /** The text after this run's edits; null once deleted. */
  text(file: string): string | null | undefined {
    return this.current.has(file) ? this.current.get(file) : this.originalText(file);
  }

  set(file: string, text: string): void {
    this.current.set(file, text);
  }

  delete(file: string): void {
    this.current.set(file, null);
  }

  /** Every file read so far (the discovered project). */
  files(): string[] {
    return [...this.original.keys()];
  }

  edited(): string[] {
    return [...this.current.keys()].filter((f) => this.current.get(f) !== this.original.get(f));
  }

  /** Files whose current text contains `word` as a whole identifier. */
  filesMentioning(word: string, version: 'original' | 'current' = 'current'): string[] {
    const re = new RegExp(`(?<![\\w$])${word.replace(/[$]/g, '\\$')}(?![\\w$])`);
    return this.files().filter((f) => {
      const t = version === 'current' ? this.text(f) : this.originalText(f);
      return typeof t === 'string' && t.includes(word) && re.test(t);
    });
  }
}
