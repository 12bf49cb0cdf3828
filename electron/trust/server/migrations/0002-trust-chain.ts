/**
 * The Trust's audit chain (REP-3). Append-only for everyone: no UPDATE, DELETE or TRUNCATE (triggers,
 * which bind the table's owner too, and no such privilege granted); events enter only through
 * `gatehouse.append_event`, a SECURITY DEFINER function that holds an advisory lock until commit, so
 * the sequence follows commit order and the chain is the change feed, links each event to the
 * previous hash and stamps `session_user`. A deferred constraint trigger on every register table
 * refuses to commit a transaction that changed the register without an event.
 */
import { SYNCED_TABLES_0001 } from './0001-roles-and-register';
import type { ServerMigration } from './types';

/** The advisory lock key the chain's appends serialise on. */
export const TRUST_CHAIN_LOCK = 7_110_001;

/** The fields each event's hash covers, in order (electron/trust/trust-chain.ts mirrors this). */
export const HASHED_FIELDS = [
  'seq',
  'recorded_at',
  'db_user',
  'workstation_id',
  'local_seq',
  'local_hash',
  'command_id',
  'at',
  'operator_id',
  'operator_name',
  'action',
  'subject_type',
  'subject_id',
  'subject_label',
  'reason',
  'instructed_by',
  'before_json',
  'after_json',
] as const;

const digestInput = HASHED_FIELDS.map(
  (field) =>
    `CASE WHEN e.${field} IS NULL THEN '~' ELSE octet_length(e.${field}::text)::text || ':' || e.${field}::text END`,
).join(' || ');

export const trustChainMigration: ServerMigration = {
  version: 2,
  name: 'trust-chain',
  sql: `
    CREATE TABLE gatehouse.events (
      seq             bigint PRIMARY KEY,
      recorded_at     text NOT NULL,
      db_user         text NOT NULL,
      workstation_id  text,
      local_seq       bigint,
      local_hash      text,
      command_id      text,
      at              text NOT NULL,
      operator_id     text,
      operator_name   text,
      action          text NOT NULL,
      subject_type    text,
      subject_id      text,
      subject_label   text,
      reason          text,
      instructed_by   text,
      before_json     text,
      after_json      text,
      prev_hash       text NOT NULL,
      hash            text NOT NULL UNIQUE,
      txid            bigint NOT NULL DEFAULT txid_current(),
      -- Each workstation event is anchored in the Trust chain exactly once.
      UNIQUE (workstation_id, local_seq),
      CHECK ((workstation_id IS NULL) = (local_seq IS NULL) AND (local_seq IS NULL) = (local_hash IS NULL))
    );
    CREATE INDEX events_txid ON gatehouse.events (txid);
    CREATE INDEX events_command ON gatehouse.events (command_id);

    CREATE FUNCTION gatehouse.event_hash(e gatehouse.events) RETURNS text
      LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
      SELECT encode(sha256(convert_to(e.prev_hash || E'\\n' || ${digestInput}, 'UTF8')), 'hex')
    $$;

    CREATE FUNCTION gatehouse.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Trust audit events are append-only: they cannot be changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON gatehouse.events
      FOR EACH ROW EXECUTE FUNCTION gatehouse.refuse_change();
    CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON gatehouse.events
      FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.refuse_change();

    -- Even an insert by the owner must extend the end of the chain with a true hash.
    CREATE FUNCTION gatehouse.check_chain_link() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, gatehouse AS $$
    DECLARE last gatehouse.events;
    BEGIN
      SELECT * INTO last FROM gatehouse.events ORDER BY seq DESC LIMIT 1;
      IF NEW.seq IS DISTINCT FROM coalesce(last.seq, 0) + 1
         OR NEW.prev_hash IS DISTINCT FROM coalesce(last.hash, repeat('0', 64))
         OR NEW.hash IS DISTINCT FROM gatehouse.event_hash(NEW)
         OR NEW.db_user IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'Trust audit events must extend the end of the chain' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER events_extend_chain BEFORE INSERT ON gatehouse.events
      FOR EACH ROW EXECUTE FUNCTION gatehouse.check_chain_link();

    CREATE FUNCTION gatehouse.append_event(event jsonb) RETURNS TABLE (seq bigint, hash text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    DECLARE
      e gatehouse.events;
      last gatehouse.events;
    BEGIN
      -- Held until commit: appends are serialised, so seq order is commit order.
      PERFORM pg_advisory_xact_lock(${TRUST_CHAIN_LOCK});
      SELECT * INTO last FROM gatehouse.events ORDER BY events.seq DESC LIMIT 1;
      e := jsonb_populate_record(NULL::gatehouse.events, event);
      e.seq := coalesce(last.seq, 0) + 1;
      e.prev_hash := coalesce(last.hash, repeat('0', 64));
      e.recorded_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
      e.db_user := session_user;
      e.txid := txid_current();
      e.hash := gatehouse.event_hash(e);
      INSERT INTO gatehouse.events VALUES (e.*);
      PERFORM pg_notify('gatehouse_events', e.seq::text);
      RETURN QUERY SELECT e.seq, e.hash;
    END $$;
    REVOKE ALL ON FUNCTION gatehouse.append_event(jsonb) FROM PUBLIC;

    -- REP-3: no register change commits without an audit event in the same transaction.
    CREATE FUNCTION gatehouse.require_event() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM gatehouse.events WHERE txid = txid_current()) THEN
        RAISE EXCEPTION 'A change to the Trust register needs its audit event in the same transaction (REP-3)'
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NULL;
    END $$;
    ${SYNCED_TABLES_0001.map(
      (table) =>
        `CREATE CONSTRAINT TRIGGER ${table}_audited AFTER INSERT OR UPDATE OR DELETE ON gatehouse.${table}
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gatehouse.require_event();`,
    ).join('\n')}
  `,
};
