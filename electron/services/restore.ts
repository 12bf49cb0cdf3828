/**
 * Restore a backup in place of the store, whole or not at all, and always on the record.
 *
 * Order matters: the operator is checked first (the sign-in back-off, then the passphrase against
 * the BACKUP's own key slot), before anything is written. The backup is then staged in a folder
 * inside the data folder, opened, checked and migrated there, and its `store.restored` event is
 * written into the staged store in that operator's name. Only then does one atomic step
 * (store-switch.ts) make it the store; a kill at any point leaves the old store, or the new one
 * with its audit event, and start-up tidies what was left.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Handlers, ServiceContext } from '../service-context';
import { decodeBackup } from '../store/backup-file';
import { openEncryptedDatabase } from '../store/database';
import { GatehouseError } from '../store/errors';
import { publicKeyOf } from '../store/audit-signing';
import { findSlot, openSlot, writeKeySlots } from '../store/key-slots';
import { migrate } from '../store/migrate';
import { MIGRATIONS } from '../store/migrations';
import { storeExists } from '../store/open-store';
import { commitRestore, newStagingFolder } from '../store/store-switch';
import { checkDatabase } from './maintenance';
import { waitMessage } from './session';

const NOT_IN_BACKUP =
  'Passphrase not recognised for an operator in this backup. Use the name and passphrase that were valid when it was made.';

function asideFolderName(dir: string, now: Date): string {
  const base = `replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
  let name = base;
  for (let n = 2; existsSync(join(dir, name)); n += 1) name = `${base}-${n}`;
  return name;
}

async function unwrapFromBackup(ctx: ServiceContext, name: string, passphrase: string, from: string) {
  const { throttle } = ctx.deps;
  const wait = throttle.waitSeconds(name);
  if (wait > 0) throw new GatehouseError('THROTTLED', `${waitMessage(wait)} Nothing was restored.`);
  if (!existsSync(from))
    throw new GatehouseError('NOT_FOUND', `There is no file at ${from}. Check the path to the backup file.`);
  const contents = decodeBackup(readFileSync(from), from);
  const slot = findSlot(contents.keySlots, name, from);
  const opened = slot ? await openSlot(slot, passphrase, contents.storeId) : null;
  if (!slot || !opened) {
    throttle.recordFailure(name);
    const next = throttle.waitSeconds(name);
    throw new GatehouseError(
      'PASSPHRASE_NOT_RECOGNISED',
      next > 0 ? `${NOT_IN_BACKUP} ${waitMessage(next)}` : NOT_IN_BACKUP,
    );
  }
  return { contents, slot, opened };
}

export const restoreHandlers: Pick<Handlers, 'store:restore'> = {
  'store:restore': async (ctx, input) => {
    const paths = ctx.deps.paths;
    if (ctx.session.store) {
      throw new GatehouseError(
        'STORE_EXISTS',
        'The store is open in this Gatehouse. Sign out first, then restore. Nothing was restored.',
      );
    }
    const { contents, slot, opened } = await unwrapFromBackup(ctx, input.name, input.passphrase, input.from);
    const now = ctx.clock.now();
    const folder = (() => {
      try {
        if (storeExists(paths) && !input.force) {
          throw new GatehouseError(
            'STORE_EXISTS',
            `A Gatehouse store already exists in ${paths.dir}. Nothing was restored. Add --force to replace it (the current store is kept in a dated folder).`,
          );
        }
        return newStagingFolder(paths);
      } catch (error) {
        opened.dataKey.fill(0);
        opened.signingKey.fill(0);
        throw error;
      }
    })();
    const replacedInto = storeExists(paths) ? asideFolderName(paths.dir, now) : null;
    let auditEvents = 0;
    try {
      const stagedDatabase = join(folder, 'gatehouse.db');
      writeFileSync(stagedDatabase, contents.database, { mode: 0o600, flag: 'wx' });
      // A slot from before signatures gains its signing key here, as it would at sign-in.
      writeKeySlots(join(folder, 'keyslots.json'), {
        ...contents.keySlots,
        slots: contents.keySlots.slots.map((s) => (s.operatorId === slot.operatorId ? opened.slot : s)),
      });
      const db = openEncryptedDatabase(stagedDatabase, opened.dataKey);
      try {
        const report = checkDatabase(db);
        if (!report.ok)
          throw new GatehouseError(
            'STORE_UNREADABLE',
            `The backup failed its check: ${report.problems.join(' ')} Nothing was restored; use another backup.`,
          );
        migrate(db, MIGRATIONS);
        const operator = db
          .prepare<[string], { name: string; status: string; signing_public_key: string | null }>(
            'SELECT name, status, signing_public_key FROM operators WHERE id = ?',
          )
          .get(slot.operatorId);
        if (!operator || operator.status !== 'active') {
          throw new GatehouseError(
            'PASSPHRASE_NOT_RECOGNISED',
            'This operator’s access had been revoked when the backup was made. Restore as another administrator.',
          );
        }
        const actor = { id: slot.operatorId, name: operator.name };
        ctx.transactOn(db, actor, opened.signingKey, (audit) => {
          // An operator from before signatures: their key goes on the record before it signs (issue 10 §1).
          const publicKey =
            opened.newPublicKey ??
            (operator.signing_public_key === null ? publicKeyOf(opened.signingKey) : null);
          if (publicKey !== null) {
            db.prepare('UPDATE operators SET signing_public_key = ? WHERE id = ?').run(publicKey, actor.id);
            audit({
              action: 'operator.signing-key-added',
              subject: { type: 'operator', id: actor.id, label: actor.name },
              after: { signingKey: publicKey },
            });
          }
          audit({
            action: 'store.restored',
            subject: { type: 'backup', id: basename(input.from), label: input.from },
            after: {
              backupCreatedAt: contents.createdAt,
              gatehouseVersion: contents.gatehouseVersion,
              replacedInto,
              host: ctx.deps.host,
            },
          });
        });
        auditEvents = report.chain.count + 1;
        // One self-contained file in the staging folder: the write-ahead log folded back in.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    } finally {
      opened.dataKey.fill(0);
      opened.signingKey.fill(0);
    }
    ctx.deps.throttle.recordSuccess(input.name, false); // the restore checked without begin()
    commitRestore(paths, folder, replacedInto);
    ctx.deps.emitSessionChanged();
    return {
      dataDir: paths.dir,
      replacedInto: replacedInto === null ? null : join(paths.dir, replacedInto),
      backupCreatedAt: contents.createdAt,
      auditEvents,
    };
  },
};
