/**
 * Exports one commit of a bare git directory into a folder, for bench/realworld.mjs.
 *
 * The mirrored repositories are snapshots that lack their largest blobs, so `git archive`
 * can stop half-way; then the tree is written from `git ls-tree -r` + `git cat-file --batch`,
 * skipping the blobs that are missing. An export is written to `<dir>.part` and renamed when
 * complete, so an interrupted run never leaves a half tree that a later run would trust.
 */
import { spawn, spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes sure `dir` holds the tree of `commit`; returns how it was made
 * (`cached`, `archive` or `cat-file`) and the paths of the blobs that were missing.
 */
export async function exportCommit(gitDir, commit, dir) {
  const manifest = `${dir}.export.json`;
  if (fs.existsSync(dir) && fs.existsSync(manifest)) {
    return { ...JSON.parse(fs.readFileSync(manifest, 'utf8')), how: 'cached' };
  }
  if (!fs.existsSync(gitDir)) throw new Error(`no git directory at ${gitDir} (fetch the repository first)`);
  const part = `${dir}.part`;
  fs.rmSync(part, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(part, { recursive: true });

  let result = { how: 'archive', missing: [] };
  // pipefail: a `git archive` that stops on a missing blob must not pass for a whole tree.
  const archive = spawnSync('bash', ['-o', 'pipefail', '-c', 'git --git-dir="$GD" archive "$SHA" | tar -x -C "$OUT"'], {
    env: { ...process.env, GD: gitDir, SHA: commit, OUT: part },
    encoding: 'utf8',
  });
  if (archive.status !== 0) {
    fs.rmSync(part, { recursive: true, force: true });
    fs.mkdirSync(part, { recursive: true });
    result = { how: 'cat-file', missing: await exportByCatFile(gitDir, commit, part) };
  }
  fs.renameSync(part, dir);
  fs.writeFileSync(manifest, `${JSON.stringify({ commit, how: result.how, missing: result.missing }, null, 2)}\n`);
  return result;
}

async function exportByCatFile(gitDir, commit, out) {
  const listed = spawnSync('git', [`--git-dir=${gitDir}`, 'ls-tree', '-r', '-z', commit], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (listed.status !== 0) throw new Error(`git ls-tree failed for ${commit}:\n${listed.stderr}`);
  const blobs = [];
  for (const entry of listed.stdout.split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, type, sha] = entry.slice(0, tab).split(' ');
    // Submodules (type commit) have no content in this repository.
    if (type === 'blob') blobs.push({ mode, sha, file: entry.slice(tab + 1) });
  }
  const missing = [];
  await catFileBatch(gitDir, blobs, (blob, content) => {
    if (content === null) {
      missing.push(blob.file);
      return;
    }
    const target = path.join(out, blob.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (blob.mode === '120000') fs.symlinkSync(content.toString('utf8'), target);
    else fs.writeFileSync(target, content, { mode: blob.mode === '100755' ? 0o755 : 0o644 });
  });
  return missing;
}

/** Streams every blob through one `git cat-file --batch`; `onBlob(blob, null)` for a missing one. */
function catFileBatch(gitDir, blobs, onBlob) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [`--git-dir=${gitDir}`, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buffer = Buffer.alloc(0);
    let next = 0;
    let failure = null;
    child.stdout.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      try {
        for (;;) {
          const eol = buffer.indexOf(10);
          if (eol === -1) return;
          const header = buffer.subarray(0, eol).toString('utf8').split(' ');
          if (header[1] === 'missing') {
            onBlob(blobs[next++], null);
            buffer = buffer.subarray(eol + 1);
            continue;
          }
          const size = Number(header[2]);
          // header, content, then one newline after the content.
          if (buffer.length < eol + 1 + size + 1) return;
          onBlob(blobs[next++], buffer.subarray(eol + 1, eol + 1 + size));
          buffer = buffer.subarray(eol + 1 + size + 1);
        }
      } catch (error) {
        failure = error;
        child.kill();
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (failure) reject(failure);
      else if (next !== blobs.length) reject(new Error(`git cat-file stopped after ${next} of ${blobs.length} blobs (exit ${code})`));
      else resolve();
    });
    child.stdin.end(blobs.map((b) => `${b.sha}\n`).join(''));
  });
}
