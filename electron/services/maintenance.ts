/**
 * Backups and integrity checks: work for administrators, called through the router
 * (store:backup, store:integrity) like every other channel. Restore is in restore.ts.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Handlers, ServiceContext } from '../service-context';
import { verifyAuditChain } from '../store/audit-log';
import { anchorNow } from './audit';
import type { ChainVerdict } from '../store/audit-chain';
import { fsyncFolder } from '../store/atomic-file';
import { decodeBackup, encodeBackup, GATEHOUSE_VERSION } from '../store/backup-file';
import {
  noteBackupEnded,
  noteBackupStarted,
  partialBackupPath,
  rememberLastBackup,
} from '../store/backup-notes';
import { type Db, openEncryptedDatabase } from '../store/database';
import { GatehouseError } from '../store/errors';
import { readKeySlots } from '../store/key-slots';
import { snapshotPath } from '../store/store-switch';

export function refuseExisting(path: string): void {
  if (existsSync(path)) {
    throw new GatehouseError(
      'STORE_EXISTS',
      `${path} already exists. Choose a new file name; Gatehouse never overwrites one.`,
    );
  }
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  chain: ChainVerdict;
}

export function checkDatabase(db: Db): IntegrityReport {
  const problems: string[] = [];
  let integrity: { integrity_check: string }[];
  try {
    integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  } catch (error) {
    // A page that fails its HMAC stops the check: that is the finding, not a crash.
    problems.push(`The database is damaged: ${(error as Error).message}.`);
    return { ok: false, problems, chain: { valid: false, count: 0, headHash: null, firstBad: null } };
  }
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    problems.push(...integrity.map((row) => `SQLite integrity: ${row.integrity_check}`));
  }
  const foreign = db.pragma('foreign_key_check') as unknown[];
  if (foreign.length > 0) problems.push(`${foreign.length} row(s) refer to records that do not exist.`);
  const chain = verifyAuditChain(db);
  problems.push(...chain.problems.map((problem) => `Audit trail: ${problem}`));
  return { ok: problems.length === 0, problems, chain };
}

/** A new file written in full and flushed; it is not there at all until `rename` makes it so. */
function writeNewFile(path: string, bytes: Buffer): void {
  rmSync(path, { force: true });
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * SQLite's online copy (`VACUUM INTO`) takes a consistent snapshot while the store stays in use,
 * and SQLite3 Multiple Ciphers writes it encrypted with the store's own cipher and key.
 * (better-sqlite3's backup() opens its target without a key, which the cipher layer refuses.)
 * The snapshot is written inside the data folder and checked; the backup is written beside its
 * target as `.partial` and renamed into place, then read back. A note in the data folder names
 * the partial file, so a killed backup leaves nothing behind once Gatehouse starts again.
 */
function backup(ctx: ServiceContext, to: string): { path: string; bytes: number; auditEvents: number } {
  const db = ctx.db();
  const store = ctx.session.store!;
  const paths = ctx.deps.paths;
  const target = resolve(to);
  refuseExisting(target);
  const snapshot = snapshotPath(paths);
  const partial = partialBackupPath(target);
  noteBackupStarted(paths, target);
  try {
    rmSync(snapshot, { force: true });
    db.prepare('VACUUM INTO ?').run(snapshot);
    const copy = openEncryptedDatabase(snapshot, store.dataKey, true);
    const report = (() => {
      try {
        return checkDatabase(copy);
      } finally {
        copy.close();
      }
    })();
    if (!report.ok) {
      throw new GatehouseError(
        'STORE_UNREADABLE',
        `The backup copy failed its check (${report.problems.join(' ')}). No backup was written.`,
      );
    }
    const createdAt = ctx.clock.now().toISOString();
    const bytes = encodeBackup({
      createdAt,
      gatehouseVersion: GATEHOUSE_VERSION,
      storeId: store.storeId,
      keySlots: readKeySlots(paths.keySlots),
      audit: { events: report.chain.count, headHash: report.chain.headHash },
      auditAnchor: anchorNow(ctx),
      database: readFileSync(snapshot),
    });
    writeNewFile(partial, bytes);
    refuseExisting(target);
    renameSync(partial, target);
    fsyncFolder(dirname(target));
    decodeBackup(readFileSync(target), target); // read back: the checksum must match what was written
    ctx.transact((audit) =>
      audit({
        action: 'store.backed-up',
        subject: { type: 'backup', id: basename(target), label: target },
        after: { bytes: bytes.length, auditEvents: report.chain.count, auditHead: report.chain.headHash },
      }),
    );
    rememberLastBackup(paths, { path: target, createdAt });
    return { path: target, bytes: bytes.length, auditEvents: report.chain.count };
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${snapshot}${suffix}`, { force: true });
    rmSync(partial, { force: true });
    noteBackupEnded(paths);
  }
}

export const maintenanceHandlers: Pick<Handlers, 'store:backup' | 'store:integrity'> = {
  'store:backup': (ctx, input) => backup(ctx, input.to),
  'store:integrity': (ctx) => {
    const report = checkDatabase(ctx.db());
    return { ok: report.ok, problems: report.problems, auditEvents: report.chain.count };
  },
};
