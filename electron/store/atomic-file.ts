/**
 * Write a small file so that a crash leaves either the old or the new content, never half of one:
 * write a temporary sibling, flush it, rename it over the target, and flush the folder so the
 * rename itself survives a power cut. The temporary name carries the process id, so start-up can
 * tell a dead process's leftover (removed, see store-switch.ts) from a live process's file in flight.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

export const TEMP_SUFFIX = '.tmp';

export function fsyncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a folder to flush it; the rename is still atomic there.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function writeFileAtomic(path: string, content: string | Buffer, mode = 0o600): void {
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const fd = openSync(temporary, 'wx', mode);
  try {
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  fsyncFolder(dirname(path));
}
