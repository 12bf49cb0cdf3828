/**
 * A store as Gatehouse wrote it before issue 10: schema version 14, unsigned audit events, and a
 * version 1 key slot file with operators' names in plain text and no signing keys.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { hashEvent, GENESIS_HASH, type AuditContent } from '../../electron/store/audit-chain';
import { createEncryptedDatabase } from '../../electron/store/database';
import { nameHashFor, newNameKey, wrapSlot } from '../../electron/store/key-slots';
import { migrate } from '../../electron/store/migrate';
import { MIGRATIONS } from '../../electron/store/migrations';
import { storePaths } from '../../electron/store/paths';
import { FAST_KDF } from '../support/temp-core';
import { TEST_NOW } from '../support/test-clock';

export const LEGACY_OPERATORS = [
  { name: 'Ada Administrator', passphrase: 'lantern orchard quietly 42', role: 'administrator' },
  { name: 'Bea Bishop', passphrase: 'seven quiet harbour lights', role: 'auditor' },
] as const;

export async function legacyStore(dir: string): Promise<{ events: number }> {
  const paths = storePaths(dir);
  const storeId = randomUUID();
  const dataKey = randomBytes(32);
  const db = createEncryptedDatabase(paths.database, dataKey);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 14),
  );
  const at = TEST_NOW.toISOString();
  db.prepare(`INSERT INTO meta (key, value) VALUES ('store_id', ?), ('created_at', ?)`).run(storeId, at);
  const slots = [];
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const operator of LEGACY_OPERATORS) {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO operators (id, name, role, status, created_at) VALUES (?, ?, ?, 'active', ?)`,
    ).run(id, operator.name, operator.role, at);
    // Version 1 slots had the data key alone, with the same additional data as today's.
    const slot = await wrapSlot(
      { dataKey, signingKey: Buffer.alloc(0) },
      operator.passphrase,
      { storeId, operatorId: id, nameHash: nameHashFor({ nameKey: newNameKey() }, operator.name) },
      FAST_KDF,
    );
    slots.push({
      operatorId: id,
      name: operator.name,
      kdf: slot.kdf,
      iv: slot.iv,
      wrappedKey: slot.wrappedKey,
      tag: slot.tag,
    });
    seq += 1;
    const content: AuditContent = {
      seq,
      at,
      operatorId: id,
      operatorName: operator.name,
      action: 'operator.added',
      subjectType: 'operator',
      subjectId: id,
      subjectLabel: operator.name,
      reason: null,
      instructedBy: null,
      before: null,
      after: { name: operator.name, role: operator.role },
    };
    const hash = hashEvent(prev, content);
    db.prepare(
      `INSERT INTO audit_events (seq, at, operator_id, operator_name, action, subject_type, subject_id, subject_label, after_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, 'operator', ?, ?, ?, ?, ?)`,
    ).run(
      seq,
      at,
      id,
      operator.name,
      content.action,
      id,
      operator.name,
      JSON.stringify(content.after),
      prev,
      hash,
    );
    prev = hash;
  }
  db.close();
  writeFileSync(paths.keySlots, JSON.stringify({ format: 'gatehouse-keyslots', version: 1, storeId, slots }));
  return { events: seq };
}
