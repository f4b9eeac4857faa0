import fs from 'node:fs';
import path from 'node:path';

export interface PlannedWrite {
  path: string;
  /** New text, or null to delete the file. */
  text: string | null;
  encoding?: 'utf8' | 'latin1';
}

type Step = { temp: string; target: string } | { delete: string };

/** Named like the temp files (`.<name>.flagdebt-<pid>.tmp`) so tools that ignore those ignore it. */
const journalName = (pid: number) => `.remove-journal.flagdebt-${pid}.tmp`;
const partialName = (pid: number) => `.remove-journal-partial.flagdebt-${pid}.tmp`;
const JOURNAL = /^\.remove-journal\.flagdebt-\d+\.tmp$/;
const PARTIAL = /^\.remove-journal-partial\.flagdebt-\d+\.tmp$/;
const TEMP_SUFFIX = /\.flagdebt-\d+\.tmp$/;

/**
 * All-or-nothing across files: every new text goes to a temp file beside its target (same
 * filesystem, so rename is atomic), fsynced, with the original's permissions. Then a journal of
 * the renames and deletions is committed, the steps run in the given order, and the journal is
 * removed. A crash before the journal leaves the project untouched (plus temp files the next run
 * sweeps); a crash after it is rolled forward by `recoverInterruptedWrite` on the next run.
 */
export function writeAllOrNothing(writes: PlannedWrite[], journalDir: string): void {
  const steps: Step[] = [];
  try {
    for (const w of writes) {
      if (w.text === null) {
        steps.push({ delete: w.path });
        continue;
      }
      sweepStaleTemps(w.path);
      const temp = path.join(path.dirname(w.path), `.${path.basename(w.path)}.flagdebt-${process.pid}.tmp`);
      const mode = fs.existsSync(w.path) ? fs.statSync(w.path).mode & 0o7777 : 0o644;
      writeSynced(temp, Buffer.from(w.text, w.encoding ?? 'utf8'), mode);
      steps.push({ temp, target: w.path });
    }
    writeSynced(path.join(journalDir, partialName(process.pid)), Buffer.from(JSON.stringify({ version: 1, steps })), 0o644);
    fs.renameSync(path.join(journalDir, partialName(process.pid)), path.join(journalDir, journalName(process.pid)));
  } catch (error) {
    for (const s of steps) if ('temp' in s) fs.rmSync(s.temp, { force: true });
    fs.rmSync(path.join(journalDir, partialName(process.pid)), { force: true });
    throw error;
  }
  runSteps(steps);
  fs.rmSync(path.join(journalDir, journalName(process.pid)), { force: true });
}

/** Finishes a write that a crash interrupted after its journal was committed; true if there was one. */
export function recoverInterruptedWrite(journalDir: string): boolean {
  let names: string[];
  try {
    names = fs.readdirSync(journalDir);
  } catch {
    return false;
  }
  let recovered = false;
  for (const name of names) {
    const file = path.join(journalDir, name);
    if (PARTIAL.test(name)) fs.rmSync(file, { force: true });
    if (!JOURNAL.test(name)) continue;
    const { steps } = JSON.parse(fs.readFileSync(file, 'utf8')) as { steps: Step[] };
    runSteps(steps);
    fs.rmSync(file, { force: true });
    recovered = true;
  }
  return recovered;
}

/** Renames and deletions in order; a step already done (temp gone) is skipped, so re-running is safe. */
function runSteps(steps: Step[]): void {
  for (const s of steps) {
    if ('delete' in s) fs.rmSync(s.delete, { force: true });
    else if (fs.existsSync(s.temp)) fs.renameSync(s.temp, s.target);
  }
}

function writeSynced(file: string, bytes: Buffer, mode: number): void {
  const fd = fs.openSync(file, 'w', mode);
  try {
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(file, mode);
}

/** Temp files a killed run left beside this target (never journaled, so never needed). */
function sweepStaleTemps(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.flagdebt-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && TEMP_SUFFIX.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}
