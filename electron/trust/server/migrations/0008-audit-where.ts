/**
 * Issue 12 §5 on the Trust register: each anchored workstation event says where it was made (the
 * workstation as it recorded itself, and the host kind), carried from the local event as it was
 * hashed and signed there. Both are hashed into the Trust chain after the signature, only when
 * present and each tagged with its name, so events anchored before this step keep their hashes and
 * a value cannot pass from one optional field to another without breaking the hash
 * (electron/trust/trust-chain.ts mirrors this).
 */
import { HASHED_FIELDS } from './0002-trust-chain';
import { HASHED_IF_PRESENT } from './0007-audit-signatures';
import type { ServerMigration } from './types';

/** Hashed after HASHED_IF_PRESENT, only when not null, each as "name=length:value". */
export const HASHED_IF_PRESENT_TAGGED = ['local_workstation', 'local_host'] as const;

const field = (f: string) =>
  `CASE WHEN e.${f} IS NULL THEN '~' ELSE octet_length(e.${f}::text)::text || ':' || e.${f}::text END`;
const optional = (f: string) =>
  `CASE WHEN e.${f} IS NULL THEN '' ELSE octet_length(e.${f}::text)::text || ':' || e.${f}::text END`;
const tagged = (f: string) =>
  `CASE WHEN e.${f} IS NULL THEN '' ELSE '${f}=' || octet_length(e.${f}::text)::text || ':' || e.${f}::text END`;
const digestInput = [
  ...HASHED_FIELDS.map(field),
  ...HASHED_IF_PRESENT.map(optional),
  ...HASHED_IF_PRESENT_TAGGED.map(tagged),
].join(' || ');

export const auditWhereMigration: ServerMigration = {
  version: 8,
  name: 'audit-where',
  sql: `
    ALTER TABLE gatehouse.events ADD COLUMN local_workstation text
      CHECK (local_workstation IS NULL OR local_seq IS NOT NULL);
    ALTER TABLE gatehouse.events ADD COLUMN local_host text
      CHECK (local_host IS NULL OR local_seq IS NOT NULL);

    CREATE OR REPLACE FUNCTION gatehouse.event_hash(e gatehouse.events) RETURNS text
      LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
      SELECT encode(sha256(convert_to(e.prev_hash || E'\\n' || ${digestInput}, 'UTF8')), 'hex')
    $$;
  `,
};

/** The digest expression as this step left it, for later steps that redefine event_hash (0010). */
export const DIGEST_INPUT_0008 = digestInput;
