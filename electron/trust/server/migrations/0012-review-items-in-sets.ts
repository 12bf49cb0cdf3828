/**
 * Issue 13 §4 (a Trust-wide review's start <= 5 s): on a connected workstation the start pushes one
 * review_items row per account, about 370,000, while it holds the Trust-wide lock. Two per-row costs
 * of step 10 made that about a minute; both are now paid once a statement, with the same rules.
 *
 * Row-level security: the WITH CHECK called may_change_review_campaign for every row (a SECURITY
 * DEFINER function, never inlined: a call, a campaign look-up and is_unscoped's own query each
 * time). An administrator of every system may change any item, so the policies ask that first as
 * an uncorrelated sub-select, which PostgreSQL evaluates once per statement (an InitPlan); a scoped
 * administrator's rows still meet the per-row campaign check, which gives the same answer as before
 * for an unscoped one (may_change_review starts with is_unscoped).
 *
 * The change feed: new items are noted for other workstations' pulls by one statement-level trigger
 * reading the statement's new rows (a transition table) rather than one trigger call and INSERT per
 * row; updates and deletes keep the row trigger. Same rows in row_changes, same transaction.
 */
import type { ServerMigration } from './types';

const UNSCOPED = '(SELECT gatehouse.is_unscoped())';

export const reviewItemsInSetsMigration: ServerMigration = {
  version: 12,
  name: 'review-items-in-sets',
  sql: `
    ALTER POLICY review_items_insert ON gatehouse.review_items
      WITH CHECK (${UNSCOPED} OR (gatehouse.may_change_review_campaign(campaign_id)
                  AND coalesce((SELECT gatehouse.may_change_system(a.system_id)
                                FROM gatehouse.accounts a WHERE a.id = account_id), false)));
    ALTER POLICY review_items_delete ON gatehouse.review_items
      USING (${UNSCOPED} OR gatehouse.may_change_review_campaign(campaign_id));
    ALTER POLICY review_items_update ON gatehouse.review_items
      USING (${UNSCOPED} OR gatehouse.may_answer_review_item(campaign_id, account_id))
      WITH CHECK (${UNSCOPED} OR gatehouse.may_answer_review_item(campaign_id, account_id));

    DROP TRIGGER review_items_noted ON gatehouse.review_items;
    CREATE TRIGGER review_items_noted AFTER UPDATE OR DELETE ON gatehouse.review_items
      FOR EACH ROW EXECUTE FUNCTION gatehouse.note_review_items();
    CREATE FUNCTION gatehouse.note_review_items_inserted() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    BEGIN
      INSERT INTO gatehouse.row_changes (table_name, row_key)
        SELECT 'review_items', jsonb_build_array(n.id) FROM inserted n;
      RETURN NULL;
    END $$;
    CREATE TRIGGER review_items_inserted_noted AFTER INSERT ON gatehouse.review_items
      REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.note_review_items_inserted();
  `,
};
