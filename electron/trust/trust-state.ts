/** This workstation's link to the Trust register, kept in its store (trust_state). */
import type { Db } from '../store/database';
import { cached } from '../store/statement-cache';

export interface TrustLink {
  url: string;
  ca: string | null;
  workstationId: string;
  cursor: number;
  /** The hash of the Trust event at the cursor: the next event pulled must link to it. */
  headHash: string | null;
  lastContact: string | null;
  /** An integrity alarm from the last sync (integrity-alarm.ts), until one goes through cleanly. */
  alarm: string | null;
}

const KEYS = ['url', 'ca', 'workstationId', 'cursor', 'headHash', 'lastContact', 'alarm'] as const;

export function readTrustLink(db: Db): TrustLink | null {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM trust_state').all();
  const values = new Map(rows.map((r) => [r.key, r.value]));
  const url = values.get('url');
  const workstationId = values.get('workstationId');
  if (!url || !workstationId) return null;
  return {
    url,
    ca: values.get('ca') ?? null,
    workstationId,
    cursor: Number(values.get('cursor') ?? 0),
    headHash: values.get('headHash') ?? null,
    lastContact: values.get('lastContact') ?? null,
    alarm: values.get('alarm') ?? null,
  };
}

/** The Trust register's id for this workstation, or null when it is not joined. */
export function joinedWorkstationId(db: Db): string | null {
  return (
    cached<[], { value: string }>(db, `SELECT value FROM trust_state WHERE key = 'workstationId'`).get()
      ?.value ?? null
  );
}

/**
 * The Trust chain's head as this replica last pulled it, or null when not joined (or nothing pulled
 * yet): printed on reports so a later rewrite of the Trust's history shows against a printed copy.
 */
export function pulledTrustHead(db: Db): { seq: number; hash: string } | null {
  const link = readTrustLink(db);
  if (!link?.headHash || link.cursor === 0) return null;
  return { seq: link.cursor, hash: link.headHash };
}

/** Sync bookkeeping, not register data: written beside the register, never audited on its own. */
export function writeTrustLink(db: Db, change: Partial<TrustLink>): void {
  const upsert = db.prepare(
    'INSERT INTO trust_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM trust_state WHERE key = ?');
  for (const key of KEYS) {
    if (!(key in change)) continue;
    const value = change[key];
    if (value === null || value === undefined) remove.run(key);
    else upsert.run(key, String(value));
  }
}
