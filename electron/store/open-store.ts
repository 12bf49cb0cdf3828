/**
 * The two ways into a store: create it (first run) or unlock it with an operator's passphrase.
 * An OpenStore holds the only copy of the data key in memory; `close()` zeroes it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { Role } from '../../shared/permissions';
import { restoreAdvice } from './backup-notes';
import { createEncryptedDatabase, type Db, openEncryptedDatabase } from './database';
import { GatehouseError } from './errors';
import { newSigningKeyPair } from './audit-signing';
import { deriveKey, KEY_BYTES, kdfWithinBounds, newSalt, OWASP_SCRYPT, type ScryptParams } from './kdf';
import {
  findSlot,
  type KeySlot,
  type KeySlotFile,
  nameHashFor,
  newNameKey,
  openSlot,
  readKeySlots,
  wrapSlot,
  writeKeySlots,
} from './key-slots';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import type { StorePaths } from './paths';

export interface OpenStore {
  readonly db: Db;
  readonly storeId: string;
  readonly paths: StorePaths;
  /** The data key, for wrapping new slots. Zeroed by close(). */
  readonly dataKey: Buffer;
  /** The signed-in operator's Ed25519 private key (PKCS#8 DER), to sign audit events. Zeroed by close(). */
  readonly signingKey: Buffer;
  close(): void;
}

export interface OperatorRow {
  id: string;
  name: string;
  role: Role;
  status: 'active' | 'revoked';
  created_at: string;
  revoked_at: string | null;
  last_sign_in_at: string | null;
  card_uuid: string | null;
  signing_public_key: string | null;
}

export const NOT_RECOGNISED = 'Passphrase not recognised. Check your name and passphrase, then try again.';

function openStore(
  db: Db,
  storeId: string,
  paths: StorePaths,
  dataKey: Buffer,
  signingKey: Buffer,
): OpenStore {
  let closed = false;
  return {
    db,
    storeId,
    paths,
    dataKey,
    signingKey,
    close() {
      if (closed) return;
      closed = true;
      db.close();
      dataKey.fill(0);
      signingKey.fill(0);
    },
  };
}

export function storeExists(paths: StorePaths): boolean {
  return existsSync(paths.database) || existsSync(paths.keySlots);
}

export async function createStore(
  paths: StorePaths,
  admin: { name: string; passphrase: string },
  kdf: ScryptParams,
  now: Date,
): Promise<{ store: OpenStore; operatorId: string; publicKey: string }> {
  if (storeExists(paths)) {
    throw new GatehouseError(
      'STORE_EXISTS',
      `A Gatehouse store already exists in ${paths.dir}. Sign in to it, or choose an empty data folder.`,
    );
  }
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const storeId = randomUUID();
  const operatorId = randomUUID();
  const dataKey = randomBytes(KEY_BYTES);
  const signing = newSigningKeyPair();
  const nameKey = newNameKey();
  const slot = await wrapSlot(
    { dataKey, signingKey: signing.privateKey },
    admin.passphrase,
    { storeId, operatorId, nameHash: nameHashFor({ nameKey }, admin.name) },
    kdf,
  );
  // Refuse again after the slow key derivation, in case another process created a store meanwhile.
  if (storeExists(paths)) {
    dataKey.fill(0);
    signing.privateKey.fill(0);
    throw new GatehouseError(
      'STORE_EXISTS',
      `A Gatehouse store was created in ${paths.dir} meanwhile. Sign in to it instead.`,
    );
  }
  const db = createEncryptedDatabase(paths.database, dataKey);
  try {
    migrate(db, MIGRATIONS);
    db.transaction(() => {
      const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      insertMeta.run('store_id', storeId);
      insertMeta.run('created_at', now.toISOString());
      db.prepare(
        `INSERT INTO operators (id, name, role, status, created_at, signing_public_key)
         VALUES (?, ?, 'administrator', 'active', ?, ?)`,
      ).run(operatorId, admin.name, now.toISOString(), signing.publicKey);
    })();
    writeKeySlots(paths.keySlots, {
      format: 'gatehouse-keyslots',
      version: 2,
      storeId,
      nameKey,
      slots: [slot],
      damaged: [],
      legacy: false,
    });
  } catch (error) {
    // Only files this call created are removed: storeExists() was false before it started.
    db.close();
    dataKey.fill(0);
    signing.privateKey.fill(0);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${paths.database}${suffix}`, { force: true });
    throw error;
  }
  return {
    store: openStore(db, storeId, paths, dataKey, signing.privateKey),
    operatorId,
    publicKey: signing.publicKey,
  };
}

export interface Unlocked {
  store: OpenStore;
  operator: OperatorRow;
  /** A signing key made at this sign-in (an operator from before signatures), to record in the trail. */
  newPublicKey: string | null;
}

function spendDerivation(passphrase: string, slots: KeySlotFile): Promise<Buffer> {
  const params = slots.slots[0]?.kdf;
  return deriveKey(passphrase, newSalt(), params && kdfWithinBounds(params) ? params : OWASP_SCRYPT);
}

/**
 * Unlock with a name and passphrase; the slot's operator must still be active in the database.
 * The slot file is rewritten (a signing key added, names taken out of a version 1 file) only once
 * everything else has passed.
 */
export async function unlockStore(paths: StorePaths, name: string, passphrase: string): Promise<Unlocked> {
  if (!existsSync(paths.database) && !existsSync(paths.keySlots)) {
    throw new GatehouseError(
      'NO_STORE',
      `There is no Gatehouse store in ${paths.dir}. Create one first (gatehouse init), or restore a backup.`,
    );
  }
  const slots = readKeySlots(paths.keySlots);
  const slot: KeySlot | undefined = findSlot(slots, name, paths.keySlots);
  if (!slot) {
    // Spend the same time as a real attempt so a caller cannot tell which names exist.
    await spendDerivation(passphrase, slots);
    throw new GatehouseError('PASSPHRASE_NOT_RECOGNISED', NOT_RECOGNISED);
  }
  const opened = await openSlot(slot, passphrase, slots.storeId);
  if (!opened) throw new GatehouseError('PASSPHRASE_NOT_RECOGNISED', NOT_RECOGNISED);
  const { dataKey, signingKey } = opened;
  let db: Db;
  try {
    db = openEncryptedDatabase(paths.database, dataKey, false, restoreAdvice(paths));
  } catch (error) {
    dataKey.fill(0);
    signingKey.fill(0);
    throw error;
  }
  const store = openStore(db, slots.storeId, paths, dataKey, signingKey);
  try {
    const storedId = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'store_id'`).get();
    if (storedId?.value !== slots.storeId) {
      throw new GatehouseError(
        'STORE_UNREADABLE',
        `The key slots in ${paths.dir} belong to a different Gatehouse store than the database. Restore both from one backup.`,
      );
    }
    migrate(db, MIGRATIONS);
    const operator = db
      .prepare<[string], OperatorRow>('SELECT * FROM operators WHERE id = ?')
      .get(slot.operatorId);
    if (!operator || operator.status !== 'active') {
      throw new GatehouseError(
        'PASSPHRASE_NOT_RECOGNISED',
        'This operator’s access to Gatehouse has been revoked. Ask an administrator if you need it back.',
      );
    }
    if (opened.newPublicKey !== null || slots.legacy) {
      writeKeySlots(paths.keySlots, {
        ...slots,
        legacy: false,
        slots: slots.slots.map((s) => (s.operatorId === slot.operatorId ? opened.slot : s)),
      });
    }
    return { store, operator, newPublicKey: opened.newPublicKey };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** The systems an operator is scoped to, or null for every system. */
export function operatorSystems(db: Db, operatorId: string): string[] | null {
  const rows = db
    .prepare<[string], { system_id: string }>(
      'SELECT system_id FROM operator_systems WHERE operator_id = ? ORDER BY system_id',
    )
    .all(operatorId);
  return rows.length === 0 ? null : rows.map((r) => r.system_id);
}

export function updateKeySlots(
  store: OpenStore,
  change: (slots: KeySlot[], file: KeySlotFile) => KeySlot[],
): void {
  const file = readKeySlots(store.paths.keySlots);
  writeKeySlots(store.paths.keySlots, { ...file, slots: change(file.slots, file) });
}

/** The name hash a new slot for `name` gets in this store's slot file. */
export function slotNameHash(store: OpenStore, name: string): string {
  return nameHashFor(readKeySlots(store.paths.keySlots), name);
}
