/**
 * Issue 10 §1 on the Trust register (REP-3): each operator's Ed25519 public key beside them (as the
 * workstations hold it), and each workstation event's signature anchored with it in the Trust
 * chain, so the server holds the evidence of who made each event. The signature is hashed into the
 * Trust chain after the other fields, and only when present, so events anchored before this step
 * keep their hashes (electron/trust/trust-chain.ts mirrors this).
 */
import { HASHED_FIELDS } from './0002-trust-chain';
import type { ServerMigration } from './types';

/** Hashed after HASHED_FIELDS, and only when not null. */
export const HASHED_IF_PRESENT = ['local_signature'] as const;

const field = (f: string) =>
  `CASE WHEN e.${f} IS NULL THEN '~' ELSE octet_length(e.${f}::text)::text || ':' || e.${f}::text END`;
const optional = (f: string) =>
  `CASE WHEN e.${f} IS NULL THEN '' ELSE octet_length(e.${f}::text)::text || ':' || e.${f}::text END`;
const digestInput = [...HASHED_FIELDS.map(field), ...HASHED_IF_PRESENT.map(optional)].join(' || ');

export const auditSignaturesMigration: ServerMigration = {
  version: 7,
  name: 'audit-signatures',
  sql: `
    ALTER TABLE gatehouse.operators ADD COLUMN signing_public_key text;
    ALTER TABLE gatehouse.events ADD COLUMN local_signature text
      CHECK (local_signature IS NULL OR local_seq IS NOT NULL);

    CREATE OR REPLACE FUNCTION gatehouse.event_hash(e gatehouse.events) RETURNS text
      LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
      SELECT encode(sha256(convert_to(e.prev_hash || E'\\n' || ${digestInput}, 'UTF8')), 'hex')
    $$;
  `,
};
