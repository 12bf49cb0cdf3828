/**
 * Opening the SQLCipher-format database with a raw 256-bit key. Nothing here ever creates a file
 * where one exists or changes a file it cannot read: a wrong key, a foreign or a damaged file is
 * refused with a sentence that says what to do, and the file is left exactly as it was.
 */
import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { GatehouseError } from './errors';

export type Db = Database.Database;

function applyKey(db: Db, dataKey: Buffer): void {
  // SQLCipher 4 scheme; a 64-hex-digit x'' key is used as the raw key (no second KDF: the data key
  // is already random and the passphrase was stretched by scrypt).
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${dataKey.toString('hex')}'"`);
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A 64 MiB page cache: every page read is decrypted, so misses cost more than in plain SQLite.
  db.pragma('cache_size = -65536');
}

export function createEncryptedDatabase(path: string, dataKey: Buffer): Db {
  if (existsSync(path)) {
    throw new GatehouseError(
      'STORE_EXISTS',
      `A database already exists at ${path}; it has not been touched. Sign in, or choose another data folder.`,
    );
  }
  const db = new Database(path);
  // Owner-only, before the WAL exists: SQLite gives the -wal and -shm files the database's mode.
  chmodSync(path, 0o600);
  applyKey(db, dataKey);
  configure(db);
  return db;
}

export function openEncryptedDatabase(path: string, dataKey: Buffer, readonly = false): Db {
  if (!existsSync(path)) {
    throw new GatehouseError(
      'NO_STORE',
      `There is no Gatehouse database at ${path}. Create one with gatehouse init, or restore a backup.`,
    );
  }
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true, readonly });
  } catch (error) {
    throw new GatehouseError(
      'STORE_UNREADABLE',
      `The database at ${path} could not be opened (${(error as Error).message}). It has not been changed.`,
      { cause: error },
    );
  }
  try {
    applyKey(db, dataKey);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw new GatehouseError(
      'STORE_UNREADABLE',
      `The file at ${path} is not a Gatehouse database, is damaged, or does not belong to these key slots. ` +
        'It has not been changed; restore the data folder from a backup.',
      { cause: error },
    );
  }
  if (!readonly) configure(db);
  return db;
}
