/**
 * A lock between processes on one small file (issue 10 §4): a sibling `.lock` created with O_EXCL
 * ('wx'), held only for a synchronous read-modify-write. A lock left by a killed process is taken
 * over once it is older than any holder could need. No package: Node's own fs is enough.
 */
import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';

const STALE_MS = 10_000;
const GIVE_UP_MS = 15_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

function tryTake(lock: string): boolean {
  try {
    const fd = openSync(lock, 'wx', 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

function removeIfStale(lock: string): void {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_MS) unlinkSync(lock);
  } catch {
    // Gone already, or taken over by another process: try again.
  }
}

/** Run `work` while holding `${path}.lock`; every process that changes `path` goes through here. */
export function withFileLock<T>(path: string, work: () => T): T {
  const lock = `${path}.lock`;
  const started = Date.now();
  while (!tryTake(lock)) {
    removeIfStale(lock);
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`Could not lock ${path}: ${lock} is held`);
    Atomics.wait(pause, 0, 0, 5 + Math.floor(Math.random() * 10));
  }
  try {
    return work();
  } finally {
    unlinkSync(lock);
  }
}
