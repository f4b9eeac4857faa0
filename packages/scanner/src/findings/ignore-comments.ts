/**
 * `// flagdebt-ignore-next-line <reason>`: the finding on the next line is not counted. For a
 * read a team has decided to keep (a test of the fallback, a migration shim), so that the budget
 * can stay strict for everything else. The reason is required, so a reader knows why.
 */
import type { ProblemRecord } from '../types.js';
import type { Finding, Verdict } from './findings.js';

const DIRECTIVE = /(?:\/\/|\/\*|\{\s*\/\*)\s*flagdebt-ignore-next-line\b(.*)$/;

export interface IgnoreComments {
  decide(finding: Finding): Verdict;
  /** Comments without a reason: warnings in the report. They still apply. */
  problems: ProblemRecord[];
}

/** `lines(file)`: the lines of a scanned file (relative path), or undefined. */
export function ignoreComments(lines: (file: string) => readonly string[] | undefined): IgnoreComments {
  const problems: ProblemRecord[] = [];
  const warned = new Set<string>();
  return {
    problems,
    decide(finding) {
      if (finding.file === undefined || finding.line === undefined || finding.line < 2) return null;
      const above = lines(finding.file)?.[finding.line - 2];
      if (above === undefined || !above.includes('flagdebt-ignore-next-line')) return null;
      const match = DIRECTIVE.exec(above);
      if (!match) return null;
      const reason = match[1].replace(/\*\/\s*\}?\s*$/, '').trim();
      if (reason === '' && !warned.has(`${finding.file}:${finding.line}`)) {
        warned.add(`${finding.file}:${finding.line}`);
        problems.push({
          file: finding.file,
          line: finding.line - 1,
          message: 'flagdebt-ignore-next-line has no reason: write why after it, e.g. `// flagdebt-ignore-next-line kept for the rollback test`',
          severity: 'warning',
        });
      }
      return reason === '' ? { by: 'comment' } : { by: 'comment', reason };
    },
  };
}
