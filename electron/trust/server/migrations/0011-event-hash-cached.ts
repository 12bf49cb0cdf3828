/**
 * Issue 11 §5 (Trust chain appends >= 1,000 a second, REP-3): event_hash computes the same digest as
 * 0008 left it, now in PL/pgSQL. As a LANGUAGE sql function with a SET clause it was never inlined,
 * and called from PL/pgSQL (append_event, then the check_chain_link trigger) it was parsed and
 * planned again in every transaction, because an SQL function's cached plan lives in the calling
 * expression's per-transaction state: 0.4-0.9 ms a call, twice an append, inside the chain's lock.
 * PL/pgSQL keeps its expression's plan for the session. Same expression, same hashes: every event
 * already in the chain still verifies, and both the append and the trigger still compute it.
 */
import { DIGEST_INPUT_0008 } from './0008-audit-where';
import type { ServerMigration } from './types';

export const eventHashCachedMigration: ServerMigration = {
  version: 11,
  name: 'event-hash-cached',
  sql: `
    CREATE OR REPLACE FUNCTION gatehouse.event_hash(e gatehouse.events) RETURNS text
      LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
    BEGIN
      RETURN encode(sha256(convert_to(e.prev_hash || E'\\n' || ${DIGEST_INPUT_0008}, 'UTF8')), 'hex');
    END $$;
  `,
};
