/**
 * What an insider can do with their own passphrase: unwrap the data key, open the database with
 * Gatehouse's own code, and write to it directly (issue 10 §1). Shared by the replays in this folder.
 */
import { hashEvent, type AuditContent } from '../../electron/store/audit-chain';
import { eventMessage, signMessage } from '../../electron/store/audit-signing';
import type { Db } from '../../electron/store/database';
import type { Core } from '../../electron/core';
import { activeAdminCore, must, signedInCore, tempDir } from '../support/temp-core';

export const BEA = { name: 'Bea Bishop', passphrase: 'seven quiet harbour lights' };

export interface Row {
  seq: number;
  operator_id: string | null;
  operator_name: string | null;
  hash: string;
  prev_hash: string;
}

/** A store with Ada (administrator) and Bea (auditor), some events, and Bea signed in. */
export async function storeWithInsider(): Promise<{ dir: string; ada: string; bea: Core; db: Db }> {
  const dir = tempDir();
  const admin = await activeAdminCore(dir);
  const ada = admin.session.operator!.id;
  await must(admin, 'operators:add', { ...BEA, role: 'auditor', systems: [] });
  await must(admin, 'settings:update', { idleLockMinutes: 15 });
  await must(admin, 'session:signOut');
  admin.close();
  const bea = await signedInCore(dir, BEA);
  return { dir, ada, bea, db: bea.session.store!.db };
}

/** Every column but the hash and signature, as the chain hashes it. */
export function contentOf(db: Db, seq: number): AuditContent {
  const row = db.prepare('SELECT * FROM audit_events WHERE seq = ?').get(seq) as Record<string, unknown>;
  const json = (value: unknown) => (value === null ? null : JSON.parse(value as string));
  return {
    seq: row.seq as number,
    at: row.at as string,
    operatorId: row.operator_id as string | null,
    operatorName: row.operator_name as string | null,
    action: row.action as string,
    subjectType: row.subject_type as string | null,
    subjectId: row.subject_id as string | null,
    subjectLabel: row.subject_label as string | null,
    reason: row.reason as string | null,
    instructedBy: row.instructed_by as string | null,
    before: json(row.before_json),
    after: json(row.after_json),
    // Where it was made is hashed only when recorded (issue 12 §5).
    ...(row.workstation === null ? {} : { workstation: row.workstation as string }),
    ...(row.host === null ? {} : { host: row.host as string }),
  };
}

export function dropTriggers(db: Db): void {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'`)
    .pluck()
    .all() as string[];
  for (const name of names) db.exec(`DROP TRIGGER ${name}`);
}

/**
 * Rewrite every event from `fromSeq` on: recompute each hash over the (possibly edited) content and
 * re-sign each with the insider's key, the best a forger without others' passphrases can do.
 */
export function rehashFrom(db: Db, fromSeq: number, insiderKey: Buffer): void {
  const rows = db
    .prepare('SELECT seq FROM audit_events WHERE seq >= ? ORDER BY seq')
    .pluck()
    .all(fromSeq) as number[];
  let prev = (db.prepare('SELECT hash FROM audit_events WHERE seq = ?').get(fromSeq - 1) as { hash: string })
    .hash;
  for (const seq of rows) {
    const hash = hashEvent(prev, contentOf(db, seq));
    db.prepare('UPDATE audit_events SET prev_hash = ?, hash = ?, signature = ? WHERE seq = ?').run(
      prev,
      hash,
      signMessage(insiderKey, eventMessage(hash)),
      seq,
    );
    prev = hash;
  }
}
