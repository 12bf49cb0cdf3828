/**
 * Recording each mutating command for the Trust register, inside the command's own SQLite
 * transaction (one path online and offline): the outbox row, the capture of the synced rows it
 * changes, and the range of local audit events it wrote. A command that changed no synced row
 * leaves no outbox row; its audit events are still carried up (anchored) with the next push.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import { scramVerifier } from './scram-verifier';

/**
 * Channels whose changes stay on this workstation (sign-in bookkeeping, the sync itself); the
 * Trust's own settings are register data and travel like any change.
 */
const LOCAL_ONLY = [/^session:/, /^sync:(?!setOfflineGrace$)/];

export interface Command {
  channel: string;
  input: unknown;
}

function linked(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM trust_state WHERE key = 'url'`).get() !== undefined;
}

/**
 * The input as kept in the outbox: a passphrase never is. An operator's first passphrase becomes the
 * SCRAM verifier their PostgreSQL login is made with, so the server never sees it either.
 */
function redacted(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('passphrase' in input)) return input ?? null;
  const { passphrase, ...rest } = input as { passphrase: unknown };
  return typeof passphrase === 'string' ? { ...rest, passphraseVerifier: scramVerifier(passphrase) } : rest;
}

export function beginCommand(db: Db, command: Command, operatorId: string, at: Date): number | null {
  if (LOCAL_ONLY.some((p) => p.test(command.channel)) || !linked(db)) return null;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO outbox (command_id, channel, input_json, operator_id, state, created_at)
       VALUES (?, ?, ?, ?, 'queued', ?)`,
    )
    .run(
      randomUUID(),
      command.channel,
      JSON.stringify(redacted(command.input)),
      operatorId,
      at.toISOString(),
    );
  const id = Number(lastInsertRowid);
  db.prepare('INSERT INTO capture_context (one, outbox_id) VALUES (1, ?)').run(id);
  return id;
}

export function finishCommand(
  db: Db,
  outboxId: number,
  firstSeq: number | null,
  lastSeq: number | null,
): void {
  db.prepare('DELETE FROM capture_context').run();
  const captured = db.prepare('SELECT 1 FROM captured_changes WHERE outbox_id = ? LIMIT 1').get(outboxId);
  if (!captured) {
    db.prepare('DELETE FROM outbox WHERE id = ?').run(outboxId);
    return;
  }
  db.prepare('UPDATE outbox SET first_seq = ?, last_seq = ? WHERE id = ?').run(firstSeq, lastSeq, outboxId);
}

export function outboxCounts(db: Db): { queued: number; conflicts: number } {
  const rows = db
    .prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state')
    .all();
  const count = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
  return { queued: count('queued'), conflicts: count('conflict') };
}
