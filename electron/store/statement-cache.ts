/**
 * Prepared statements kept per connection. better-sqlite3 compiles SQL on every prepare(), which
 * dominated bulk work (a month's leavers: thousands of accounts) until statements were reused.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function cached<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}
