/**
 * Backups, restore and integrity checks: work for administrators at the command
 * line (and, later, Electron menus with file dialogs). These take file paths, so they are not
 * channels the renderer can call.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Permission } from '../../shared/permissions';
import type { Core } from '../core';
import { ServiceContext } from '../service-context';
import { auditHead } from './audit';
import { type NewAuditEvent, verifyAuditChain } from '../store/audit-log';
import type { ChainVerdict } from '../store/audit-chain';
import { decodeBackup, encodeBackup } from '../store/backup-file';
import { type Db, openEncryptedDatabase } from '../store/database';
import { GatehouseError } from '../store/errors';
import { writeFileAtomic } from '../store/atomic-file';
import { findSlot, readKeySlots, unwrapDataKey, writeKeySlots } from '../store/key-slots';
import { storeExists } from '../store/open-store';
import type { StorePaths } from '../store/paths';

function requireActive(core: Core, permission: Permission): ServiceContext {
  if (!core.session.can(permission)) {
    throw new GatehouseError(
      'FORBIDDEN',
      `This needs the ${permission} permission, which your role does not have.`,
    );
  }
  return new ServiceContext(core.deps);
}

function record(ctx: ServiceContext, event: NewAuditEvent): void {
  ctx.transact((audit) => audit(event));
}

function refuseExisting(path: string): void {
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
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    problems.push(...integrity.map((row) => `SQLite integrity: ${row.integrity_check}`));
  }
  const foreign = db.pragma('foreign_key_check') as unknown[];
  if (foreign.length > 0) problems.push(`${foreign.length} row(s) refer to records that do not exist.`);
  const chain = verifyAuditChain(db);
  problems.push(...chain.problems.map((problem) => `Audit trail: ${problem}`));
  return { ok: problems.length === 0, problems, chain };
}

export function integrity(core: Core): IntegrityReport {
  const ctx = requireActive(core, 'audit:read');
  return checkDatabase(ctx.db());
}

export interface BackupResult {
  path: string;
  bytes: number;
  auditEvents: number;
}

/**
 * SQLite's online copy (`VACUUM INTO`) takes a consistent snapshot while the store stays in use,
 * and SQLite3 Multiple Ciphers writes it encrypted with the store's own cipher and key.
 * (better-sqlite3's backup() opens its target without a key, which the cipher layer refuses.)
 * The copy is opened and checked before the backup file is written, and the file is read back.
 */
export function backup(core: Core, to: string): BackupResult {
  const ctx = requireActive(core, 'store:maintain');
  const store = core.session.store!;
  refuseExisting(to);
  const snapshot = `${to}.${process.pid}.partial`;
  rmSync(snapshot, { force: true });
  try {
    ctx.db().prepare('VACUUM INTO ?').run(snapshot);
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
    const bytes = encodeBackup({
      createdAt: ctx.clock.now().toISOString(),
      storeId: store.storeId,
      keySlots: readKeySlots(store.paths.keySlots),
      database: readFileSync(snapshot),
      auditAnchor: auditHead(core),
    });
    refuseExisting(to);
    writeFileAtomic(to, bytes);
    decodeBackup(readFileSync(to), to); // read back: the checksum must match what was written
    record(ctx, {
      action: 'store.backed-up',
      subject: { type: 'backup', id: basename(to), label: to },
      after: { bytes: bytes.length, auditEvents: report.chain.count, auditHead: report.chain.headHash },
    });
    return { path: to, bytes: bytes.length, auditEvents: report.chain.count };
  } finally {
    rmSync(snapshot, { force: true });
  }
}

export interface RestoreResult {
  replacedInto: string | null;
  backupCreatedAt: string;
  auditEvents: number;
}

/**
 * Put a backup in place of the store in `paths`. The backup is checked with the operator's
 * passphrase first; an existing store is replaced only with `force`, and even then it is moved
 * aside into a dated folder, never deleted.
 */
export async function restore(
  paths: StorePaths,
  from: string,
  operator: { name: string; passphrase: string },
  options: { force: boolean; now: Date },
): Promise<RestoreResult> {
  if (!existsSync(from))
    throw new GatehouseError('NOT_FOUND', `There is no file at ${from}. Check the path to the backup file.`);
  const contents = decodeBackup(readFileSync(from), from);
  const slot = findSlot(contents.keySlots, operator.name);
  const key = slot ? await unwrapDataKey(slot, operator.passphrase, contents.storeId) : null;
  if (!key) {
    throw new GatehouseError(
      'PASSPHRASE_NOT_RECOGNISED',
      'Passphrase not recognised for an operator in this backup. Use the name and passphrase that were valid when it was made.',
    );
  }
  if (storeExists(paths) && !options.force) {
    key.fill(0);
    throw new GatehouseError(
      'STORE_EXISTS',
      `A Gatehouse store already exists in ${paths.dir}. Nothing was restored. Add --force to replace it (the current store is kept in a dated folder).`,
    );
  }
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const staged = `${paths.database}.restoring`;
  writeFileSync(staged, contents.database, { mode: 0o600 });
  let auditEvents = 0;
  try {
    const db = openEncryptedDatabase(staged, key, true);
    try {
      const report = checkDatabase(db);
      if (!report.ok)
        throw new GatehouseError(
          'STORE_UNREADABLE',
          `The backup failed its check: ${report.problems.join(' ')} Nothing was restored.`,
        );
      auditEvents = report.chain.count;
    } finally {
      db.close();
    }
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
  let replacedInto: string | null = null;
  if (storeExists(paths)) {
    replacedInto = join(paths.dir, `replaced-${options.now.toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(replacedInto, { mode: 0o700 });
    for (const file of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.keySlots]) {
      if (existsSync(file)) renameSync(file, join(replacedInto, basename(file)));
    }
  }
  renameSync(staged, paths.database);
  writeKeySlots(paths.keySlots, contents.keySlots);
  return { replacedInto, backupCreatedAt: contents.createdAt, auditEvents };
}

/** Record, in the restored store, who restored it and from where (called once signed in). */
export function recordRestore(core: Core, from: string, result: RestoreResult): void {
  const ctx = requireActive(core, 'store:maintain');
  record(ctx, {
    action: 'store.restored',
    subject: { type: 'backup', id: basename(from), label: from },
    after: { backupCreatedAt: result.backupCreatedAt, replacedInto: result.replacedInto },
  });
}
