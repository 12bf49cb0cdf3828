/**
 * Issue 10 §1: each audit event carries its operator's Ed25519 signature over its hash, and each
 * operator's public key is kept beside them (the trail's own record of the key is what verification
 * trusts). Events already written have no signature; the first sequence number that must be signed
 * is kept in meta so verification can say which events predate signatures.
 */
import type { Migration } from './types';

export const auditSignaturesMigration: Migration = {
  version: 15,
  name: 'audit-signatures',
  up(db) {
    db.exec(`
      ALTER TABLE audit_events ADD COLUMN signature TEXT;
      ALTER TABLE operators ADD COLUMN signing_public_key TEXT;
      INSERT INTO meta (key, value)
        SELECT 'audit_signed_from', CAST(coalesce(max(seq), 0) + 1 AS TEXT) FROM audit_events;
    `);
  },
};
