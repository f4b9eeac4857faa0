/**
 * The process the crash test kills. It loads the codemod first and says "ready"; the parent
 * keeps a few of these warm and sends one a project directory on stdin, so the kill is timed
 * from the start of the removal itself, not from node's start-up.
 *
 * The disk is made slow on purpose (FLAGDEBT_SLOW_FS_MS per write-phase call): on a fast disk
 * the codemod writes 30 files in a few milliseconds, and kills spread over the whole run would
 * almost never land inside that window. "writing" is printed when the first file is opened for
 * writing, so the parent can also aim kills at the write phase. The codemod itself is unchanged.
 *
 * stdin: one line `{"dir": "...", "key": "..."}`; stdout: "ready", "writing", "done".
 */
import fs from 'node:fs';
import { createInterface } from 'node:readline';

const slowMs = Number(process.env.FLAGDEBT_SLOW_FS_MS ?? 0);
const pause = new Int32Array(new SharedArrayBuffer(4));
let writing = false;
const say = fs.writeSync.bind(fs);
for (const name of ['openSync', 'writeFileSync', 'writeSync', 'fsyncSync', 'closeSync', 'chmodSync', 'renameSync', 'rmSync', 'unlinkSync']) {
  const original = fs[name];
  fs[name] = function slowed(...args) {
    if (!writing && name === 'openSync' && /^[wa]/.test(String(args[1] ?? ''))) {
      writing = true;
      say(1, 'writing\n');
    }
    if (writing && slowMs > 0) Atomics.wait(pause, 0, 0, slowMs);
    return original.apply(this, args);
  };
}

const { removeFlags } = await import('@flagdebt/codemod');
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const { dir, key } = JSON.parse(line);
  await removeFlags({ dir, flags: [{ key }], allowDirty: true, now: '2026-11-21' });
  process.stdout.write('done\n');
  process.exit(0);
}
