/**
 * Write a small file so that a crash leaves either the old or the new content, never half of one:
 * write a temporary sibling, flush it, then rename over the target.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export function writeFileAtomic(path: string, content: string | Buffer, mode = 0o600): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', mode);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
