/**
 * Opening the SQLCipher-format database with a raw 256-bit key. Nothing here ever creates a file
 * where one exists or changes a file it cannot read: a wrong key, a foreign or a damaged file is
 * refused with a sentence that says what to do, and the file is left exactly as it was.
 */
import { chmodSync, existsSync, statSync } from 'node:fs';
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

/** SQLCipher 4's page size: a whole database file is always a whole number of pages. */
const PAGE_BYTES = 4096;

export const DAMAGED_ADVICE_DEFAULT =
  'Restore the latest backup (gatehouse restore --from FILE --force); the damaged store is kept aside.';

function damaged(path: string, what: string, advice: string, cause?: unknown): GatehouseError {
  return new GatehouseError(
    'STORE_DAMAGED',
    `The database at ${path} is damaged (${what}). Gatehouse has not written to it. ${advice}`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Read every page before anything is written in this session: the cipher layer checks each page's
 * HMAC as it is read, and quick_check walks every b-tree page and the free list, so a flipped bit,
 * a torn write or a truncation anywhere is found here (see test/bench/damage-check-bench.ts for
 * what it costs on the 50,000-person demo store). Throws STORE_DAMAGED; returns nothing otherwise.
 */
export function checkPagesBeforeWriting(db: Db, path: string, advice: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    throw damaged(path, (error as Error).message, advice, error);
  }
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok')
    throw damaged(
      path,
      rows
        .slice(0, 3)
        .map((r) => r.quick_check)
        .join('; '),
      advice,
    );
}

/**
 * Open with the data key. A writable open checks the whole file first (`damageAdvice` says what
 * to do if it is damaged, e.g. naming the latest backup), and an empty or truncated file is refused
 * before SQLite sees it, so nothing (no WAL, no migration, no sign-in record) ever writes to it.
 */
export function openEncryptedDatabase(
  path: string,
  dataKey: Buffer,
  readonly = false,
  damageAdvice = DAMAGED_ADVICE_DEFAULT,
): Db {
  if (!existsSync(path)) {
    throw new GatehouseError(
      'NO_STORE',
      `There is no Gatehouse database at ${path}. Create one with gatehouse init, or restore a backup.`,
    );
  }
  const bytes = statSync(path).size;
  if (bytes === 0) throw damaged(path, 'the file is empty', damageAdvice);
  if (bytes % PAGE_BYTES !== 0) throw damaged(path, 'the file is cut short', damageAdvice);
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
    // The key opened page 1 but a page it leads to is missing or fails its check: damage, not a stranger.
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_CORRUPT'))
      throw damaged(path, (error as Error).message, damageAdvice, error);
    throw new GatehouseError(
      'STORE_UNREADABLE',
      `The file at ${path} is not a Gatehouse database, is damaged, or does not belong to these key slots. ` +
        'It has not been changed; restore the data folder from a backup.',
      { cause: error },
    );
  }
  if (!readonly) {
    try {
      checkPagesBeforeWriting(db, path, damageAdvice);
    } catch (error) {
      db.close();
      throw error;
    }
    configure(db);
  }
  return db;
}
