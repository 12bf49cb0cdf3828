/**
 * Access review campaigns join the Trust register (issue 13 §3): every administrator sees the same
 * campaigns and the answers recorded on any workstation, and "one open campaign per scope" holds
 * Trust-wide, enforced here (an exclusion constraint checked at commit) whatever a workstation
 * believes. Each table gets what every register table has: a row_version bumped on update, the
 * REP-3 audit check and the change feed; every Gatehouse role reads.
 *
 * Who writes (row-level security, as for the other tables): a campaign belongs to its scope. An
 * administrator of every system may start, change or remove any; a scoped administrator only a
 * campaign of one of their systems. Items follow their campaign, and a scoped administrator may also
 * record answers on their own systems' accounts in a wider campaign; the answer that leaves nothing
 * unanswered closes the campaign, so that one change (open to closed, nothing else, every item
 * answered) is allowed on any campaign, checked at commit when the transaction's answers are in.
 */
import type { ServerMigration } from './types';

export const SYNCED_TABLES_0010 = ['review_campaigns', 'review_items'] as const;

export const KEYS_0010: Record<(typeof SYNCED_TABLES_0010)[number], readonly string[]> = {
  review_campaigns: ['id'],
  review_items: ['id'],
};

const FK = 'DEFERRABLE INITIALLY DEFERRED';
const READERS = 'gatehouse_administrator, gatehouse_ra_officer, gatehouse_auditor';

export const sharedAccessReviewsMigration: ServerMigration = {
  version: 10,
  name: 'shared-access-reviews',
  sql: `
    CREATE TABLE gatehouse.review_campaigns (
      id           text PRIMARY KEY,
      scope_kind   text NOT NULL CHECK (scope_kind IN ('system', 'team', 'trust')),
      scope_value  text,
      scope_key    text NOT NULL,
      due_on       text NOT NULL,
      state        text NOT NULL CHECK (state IN ('open', 'closed')),
      started_at   text NOT NULL,
      started_by   text REFERENCES gatehouse.operators(id) ${FK},
      closed_at    text,
      row_version  bigint NOT NULL DEFAULT 1,
      -- The key the one-open-campaign rule compares must name the scope (a team's is lower-cased
      -- by the workstation, whose case rules PostgreSQL's locale may not share).
      CHECK (CASE scope_kind
               WHEN 'trust' THEN scope_value IS NULL AND scope_key = 'trust'
               WHEN 'system' THEN scope_key = 'system:' || scope_value
               ELSE scope_value IS NOT NULL AND scope_key LIKE 'team:_%' END)
    );
    -- Issue 13 §3: re-running a campaign for the same scope while one is open is refused, Trust-wide.
    -- A partial unique index, written as an exclusion constraint so that it can be checked at commit:
    -- a start that closes its scope's fully answered campaign and opens the next is one command,
    -- whose rows a push sends in no particular order.
    ALTER TABLE gatehouse.review_campaigns ADD CONSTRAINT review_campaigns_open_scope
      EXCLUDE USING btree (scope_key WITH =) WHERE (state = 'open') DEFERRABLE INITIALLY DEFERRED;

    CREATE TABLE gatehouse.review_items (
      id               text PRIMARY KEY,
      campaign_id      text NOT NULL REFERENCES gatehouse.review_campaigns(id) ${FK},
      account_id       text NOT NULL REFERENCES gatehouse.accounts(id) ${FK},
      manager_id       text REFERENCES gatehouse.people(id) ${FK},
      answer           text CHECK (answer IN ('keep', 'remove', 'change-role')),
      new_role         text,
      answered_by      text,
      answered_on      text,
      escalated_to     text,
      escalated_at     text,
      escalated_to_id  text REFERENCES gatehouse.people(id) ${FK},
      row_version      bigint NOT NULL DEFAULT 1,
      -- One item per account per campaign.
      UNIQUE (campaign_id, account_id)
    );

    ${SYNCED_TABLES_0010.map(
      (t) => `
    CREATE TRIGGER ${t}_row_version BEFORE UPDATE ON gatehouse.${t}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.bump_row_version();
    CREATE CONSTRAINT TRIGGER ${t}_audited AFTER INSERT OR UPDATE OR DELETE ON gatehouse.${t}
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gatehouse.require_event();
    CREATE FUNCTION gatehouse.note_${t}() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    DECLARE r gatehouse.${t};
    BEGIN
      IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
      INSERT INTO gatehouse.row_changes (table_name, row_key)
        VALUES ('${t}', jsonb_build_array(${KEYS_0010[t].map((k) => `r.${k}`).join(', ')}));
      RETURN NULL;
    END $$;
    CREATE TRIGGER ${t}_noted AFTER INSERT OR UPDATE OR DELETE ON gatehouse.${t}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.note_${t}();
    REVOKE ALL ON gatehouse.${t} FROM PUBLIC;
    GRANT SELECT ON gatehouse.${t} TO ${READERS};
    GRANT INSERT, UPDATE, DELETE ON gatehouse.${t} TO gatehouse_administrator;
    ALTER TABLE gatehouse.${t} ENABLE ROW LEVEL SECURITY;
    CREATE POLICY ${t}_read ON gatehouse.${t} FOR SELECT USING (true);`,
    ).join('\n')}

    -- Is a campaign of this scope within the session's systems?
    CREATE FUNCTION gatehouse.may_change_review(kind text, value text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
      SELECT gatehouse.is_unscoped() OR (kind = 'system' AND gatehouse.may_change_system(value))
    $$;
    -- The same for an item's campaign (one not yet written in this transaction is checked by its own insert).
    CREATE FUNCTION gatehouse.may_change_review_campaign(campaign text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
      SELECT coalesce((SELECT gatehouse.may_change_review(c.scope_kind, c.scope_value)
                       FROM gatehouse.review_campaigns c WHERE c.id = campaign), true)
    $$;
    -- An answer on one of the session's systems' accounts, in any campaign.
    CREATE FUNCTION gatehouse.may_answer_review_item(campaign text, account text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
      SELECT gatehouse.may_change_review_campaign(campaign) OR coalesce(
        (SELECT gatehouse.may_change_system(a.system_id) FROM gatehouse.accounts a WHERE a.id = account), false)
    $$;
    REVOKE ALL ON FUNCTION gatehouse.may_change_review(text, text), gatehouse.may_change_review_campaign(text),
      gatehouse.may_answer_review_item(text, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION gatehouse.may_change_review(text, text), gatehouse.may_change_review_campaign(text),
      gatehouse.may_answer_review_item(text, text) TO ${READERS};

    CREATE POLICY review_campaigns_insert ON gatehouse.review_campaigns FOR INSERT TO gatehouse_administrator
      WITH CHECK (gatehouse.may_change_review(scope_kind, scope_value));
    CREATE POLICY review_campaigns_delete ON gatehouse.review_campaigns FOR DELETE TO gatehouse_administrator
      USING (gatehouse.may_change_review(scope_kind, scope_value));
    -- Any administrator's update reaches the row; the trigger below lets one outside the campaign's
    -- scope only close it, once every item is answered.
    CREATE POLICY review_campaigns_update ON gatehouse.review_campaigns FOR UPDATE TO gatehouse_administrator
      USING (true) WITH CHECK (true);
    CREATE FUNCTION gatehouse.review_closed_in_scope() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    BEGIN
      -- Within their scope before and after: a scoped administrator may not move a campaign out of it.
      IF gatehouse.may_change_review(OLD.scope_kind, OLD.scope_value)
         AND gatehouse.may_change_review(NEW.scope_kind, NEW.scope_value) THEN RETURN NULL; END IF;
      IF OLD.state = 'open' AND NEW.state = 'closed'
         AND (NEW.id, NEW.scope_kind, NEW.scope_value, NEW.scope_key, NEW.due_on, NEW.started_at, NEW.started_by)
             IS NOT DISTINCT FROM
             (OLD.id, OLD.scope_kind, OLD.scope_value, OLD.scope_key, OLD.due_on, OLD.started_at, OLD.started_by)
         AND NOT EXISTS (SELECT 1 FROM gatehouse.review_items i WHERE i.campaign_id = NEW.id AND i.answer IS NULL)
      THEN RETURN NULL; END IF;
      RAISE EXCEPTION 'This access review is outside your systems: you may only record answers on your own systems'' accounts'
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE CONSTRAINT TRIGGER review_campaigns_in_scope AFTER UPDATE ON gatehouse.review_campaigns
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gatehouse.review_closed_in_scope();

    -- An item goes into a campaign of the session's scope, for an account of the session's systems.
    CREATE POLICY review_items_insert ON gatehouse.review_items FOR INSERT TO gatehouse_administrator
      WITH CHECK (gatehouse.may_change_review_campaign(campaign_id)
                  AND (gatehouse.is_unscoped() OR coalesce((SELECT gatehouse.may_change_system(a.system_id)
                       FROM gatehouse.accounts a WHERE a.id = account_id), false)));
    CREATE POLICY review_items_delete ON gatehouse.review_items FOR DELETE TO gatehouse_administrator
      USING (gatehouse.may_change_review_campaign(campaign_id));
    CREATE POLICY review_items_update ON gatehouse.review_items FOR UPDATE TO gatehouse_administrator
      USING (gatehouse.may_answer_review_item(campaign_id, account_id))
      WITH CHECK (gatehouse.may_answer_review_item(campaign_id, account_id));
    -- Answering changes the answer, not what is asked: outside the campaign's scope, an item keeps its
    -- campaign, account and manager (else a scoped administrator could move items out of a wider review).
    CREATE FUNCTION gatehouse.review_item_answered_only() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    BEGIN
      IF (NEW.id, NEW.campaign_id, NEW.account_id, NEW.manager_id)
           IS NOT DISTINCT FROM (OLD.id, OLD.campaign_id, OLD.account_id, OLD.manager_id)
         OR gatehouse.may_change_review_campaign(OLD.campaign_id) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'This access review is outside your systems: you may only record answers on your own systems'' accounts'
        USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER review_items_answered_only BEFORE UPDATE ON gatehouse.review_items
      FOR EACH ROW EXECUTE FUNCTION gatehouse.review_item_answered_only();
  `,
};
