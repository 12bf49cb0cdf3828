/**
 * Small, non-personal files beside the store about backups:
 * - `backup-<pid>.pending.json` names the partial file a running backup is writing beside its
 *   target (outside the data folder), so that start-up can remove it if that process was killed;
 * - `last-backup.json` remembers where the latest backup was written, so that a damaged store can
 *   be refused with the name of the backup to restore.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import type { StorePaths } from './paths';

const PENDING = /^backup-(\d+)\.pending\.json$/;
const pendingSchema = z.object({ version: z.literal(1), partial: z.string().min(1) });
const lastSchema = z.object({ version: z.literal(1), path: z.string().min(1), createdAt: z.string() });
export type LastBackup = Omit<z.infer<typeof lastSchema>, 'version'>;

function pendingNote(paths: StorePaths, pid = process.pid): string {
  return join(paths.dir, `backup-${pid}.pending.json`);
}

/** The partial file beside a backup's target; it becomes the backup by one rename. */
export function partialBackupPath(target: string): string {
  return `${target}.partial`;
}

export function noteBackupStarted(paths: StorePaths, target: string): void {
  writeFileAtomic(pendingNote(paths), JSON.stringify({ version: 1, partial: partialBackupPath(target) }));
}

export function noteBackupEnded(paths: StorePaths): void {
  rmSync(pendingNote(paths), { force: true });
}

/** Remove the partial files of backups whose process is no longer running. */
export function removeUnfinishedBackups(paths: StorePaths, isRunning: (pid: number) => boolean): void {
  for (const entry of readdirSync(paths.dir)) {
    const match = PENDING.exec(entry);
    if (!match || isRunning(Number(match[1]))) continue;
    const note = join(paths.dir, entry);
    try {
      const parsed = pendingSchema.safeParse(JSON.parse(readFileSync(note, 'utf8')));
      if (parsed.success && parsed.data.partial.endsWith('.partial'))
        rmSync(parsed.data.partial, { force: true });
    } catch {
      // An unreadable note names nothing to remove.
    }
    rmSync(note, { force: true });
  }
}

export function rememberLastBackup(paths: StorePaths, backup: LastBackup): void {
  writeFileAtomic(join(paths.dir, 'last-backup.json'), JSON.stringify({ version: 1, ...backup }));
}

export function lastBackup(paths: StorePaths): LastBackup | null {
  const path = join(paths.dir, 'last-backup.json');
  if (!existsSync(path)) return null;
  try {
    const { path: file, createdAt } = lastSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    return { path: file, createdAt };
  } catch {
    return null;
  }
}

/** What to do about a damaged store: restore the latest backup, named when Gatehouse wrote it. */
export function restoreAdvice(paths: StorePaths): string {
  const last = lastBackup(paths);
  if (!last)
    return 'Restore the latest backup (gatehouse restore --from FILE --force); the damaged store is kept aside.';
  return (
    `Restore the latest backup, ${last.path} (made ${last.createdAt}), with ` +
    `gatehouse restore --from "${last.path}" --force; the damaged store is kept aside.`
  );
}
