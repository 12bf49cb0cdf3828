/**
 * Putting a restored store in place of the live one as one step, and cleaning up after a kill.
 *
 * A restore is staged in a folder inside the data folder (`restore-<pid>-<id>.restoring`), opened,
 * checked and audited there. The switch is then committed by one atomic rename: the journal file
 * `restore-journal.json` appearing. Before it, the live store is untouched and the staged folder is
 * a leftover; after it, every entry to the store (createCore calls `recoverStore`) completes the
 * moves the journal names before reading anything. Each move is repeatable, so a kill during the
 * moves or during a completion is completed again by the next start.
 *
 * Leftovers of processes that are no longer running (staged folders, backup snapshots and their
 * SQLite journals, temporary files of atomic writes) are removed at start-up.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { fsyncFolder, writeFileAtomic } from './atomic-file';
import { removeUnfinishedBackups } from './backup-notes';
import { GatehouseError } from './errors';
import type { StorePaths } from './paths';

const JOURNAL = 'restore-journal.json';
const STAGED = /^restore-(\d+)-[0-9a-f]+\.restoring$/;
const SNAPSHOT = /^backup-(\d+)\.partial(?:-journal|-wal|-shm)?$/;
const ATOMIC_TEMP = /\.(\d+)-[0-9a-f]+\.tmp$/;

const journalSchema = z.object({
  version: z.literal(1),
  staged: z.string().regex(STAGED),
  replacedInto: z
    .string()
    .regex(/^replaced-[0-9TZ-]+$/)
    .nullable(),
});
type Journal = z.infer<typeof journalSchema>;

export function journalPath(paths: StorePaths): string {
  return join(paths.dir, JOURNAL);
}

/** A new, empty staging folder for a restore by this process. */
export function newStagingFolder(paths: StorePaths): string {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const folder = join(paths.dir, `restore-${process.pid}-${randomBytes(6).toString('hex')}.restoring`);
  mkdirSync(folder, { mode: 0o700 });
  return folder;
}

/** Where a backup's database snapshot is written while it is checked (inside the data folder). */
export function snapshotPath(paths: StorePaths): string {
  return join(paths.dir, `backup-${process.pid}.partial`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Rename if the source is still there; a completion interrupted earlier may already have moved it. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function stagedFiles(folder: string, paths: StorePaths) {
  return {
    database: join(folder, basename(paths.database)),
    keySlots: join(folder, basename(paths.keySlots)),
  };
}

function complete(paths: StorePaths, journal: Journal): void {
  const folder = join(paths.dir, journal.staged);
  const staged = stagedFiles(folder, paths);
  const aside = journal.replacedInto === null ? null : join(paths.dir, journal.replacedInto);
  if (aside) mkdirSync(aside, { recursive: true, mode: 0o700 });
  const putAside = (file: string) => {
    if (!existsSync(file)) return;
    if (aside) move(file, join(aside, basename(file)));
    else rmSync(file, { force: true });
  };
  // While the staged database is still in the staging folder, whatever is live is the old store.
  if (existsSync(staged.database)) {
    for (const file of [`${paths.database}-wal`, `${paths.database}-shm`, paths.database]) putAside(file);
    move(staged.database, paths.database);
  }
  if (existsSync(staged.keySlots)) {
    putAside(paths.keySlots);
    move(staged.keySlots, paths.keySlots);
  }
  fsyncFolder(paths.dir);
  rmSync(folder, { recursive: true, force: true });
  rmSync(journalPath(paths), { force: true });
  fsyncFolder(paths.dir);
}

/**
 * Commit a staged restore: from the moment the journal exists the new store is the store.
 * `replacedInto` names the folder the old store's files are moved to (null when there is none).
 */
export function commitRestore(paths: StorePaths, folder: string, replacedInto: string | null): void {
  const journal: Journal = { version: 1, staged: basename(folder), replacedInto };
  writeFileAtomic(journalPath(paths), JSON.stringify(journal));
  complete(paths, journal);
}

function readJournal(paths: StorePaths): Journal | null {
  const path = journalPath(paths);
  if (!existsSync(path)) return null;
  const parsed = journalSchema.safeParse(
    (() => {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success) {
    // The journal is written by one atomic rename, so a malformed one was changed by hand.
    throw new GatehouseError(
      'STORE_UNREADABLE',
      `${path} is not a restore journal Gatehouse wrote. Nothing was changed; restore the data folder from a backup.`,
    );
  }
  return parsed.data;
}

/** Finish an interrupted restore, then remove what killed processes left behind. */
export function recoverStore(paths: StorePaths): void {
  if (!existsSync(paths.dir)) return;
  const journal = readJournal(paths);
  if (journal) complete(paths, journal);
  removeUnfinishedBackups(paths, isRunning);
  for (const entry of readdirSync(paths.dir)) {
    const match = STAGED.exec(entry) ?? SNAPSHOT.exec(entry) ?? ATOMIC_TEMP.exec(entry);
    if (match && !isRunning(Number(match[1])))
      rmSync(join(paths.dir, entry), { recursive: true, force: true });
  }
}
