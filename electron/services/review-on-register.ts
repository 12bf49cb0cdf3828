/**
 * A review started on a joined workstation before reviews were on the Trust register waits here until
 * an administrator of every system's sync hands it up (reviews:share). Until then it must not take
 * answers, escalations or be closed: those changes would go up before the review they change, the
 * register would refuse them for a review it lacks, and undoing the refusal would take the review
 * and its answers off this workstation too.
 */
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { joinedWorkstationId } from '../trust/trust-state';

/** SQL: the campaign `c` is noted to be handed up and the register has not got it yet. */
export const WAITING_TO_GO_UP = `EXISTS (SELECT 1 FROM review_campaigns_to_share s WHERE s.id = c.id)
  AND NOT EXISTS (SELECT 1 FROM row_versions v
                  WHERE v.table_name = 'review_campaigns' AND v.row_key = json_array(c.id))`;

export function requireReviewOnRegister(db: Db, campaignId: string): void {
  if (!joinedWorkstationId(db)) return;
  const waiting = db
    .prepare<[string], { id: string }>(
      `SELECT c.id FROM review_campaigns c WHERE c.id = ? AND ${WAITING_TO_GO_UP}`,
    )
    .get(campaignId);
  if (waiting)
    throw new GatehouseError(
      'CONFLICT',
      'This access review was started here before reviews were on the Trust register and is not there yet. An administrator of every system syncs this workstation first (Settings, Trust register, Sync now); then record its answers.',
    );
}
