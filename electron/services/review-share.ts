/**
 * Access reviews started on a joined workstation before reviews were on the Trust register (server
 * step 10) were never pushed: nobody else sees them, and an answer to one would meet a register that
 * lacks it. The next sync hands them up as one audited command: every row of each such review is
 * captured and pushed like any change, so the register's one-open-review-per-scope rule applies (a
 * scope already open there sends mine to Conflicts, where a person decides).
 */
import type { Handlers } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { describeScope, type CampaignRow } from './access-reviews';
import { WAITING_TO_GO_UP } from './review-on-register';

/** The reviews noted by the store's migration that are here and not yet on the register. */
export function reviewsToShare(db: Db): CampaignRow[] {
  return db
    .prepare<[], CampaignRow>(
      `SELECT c.* FROM review_campaigns c WHERE ${WAITING_TO_GO_UP} ORDER BY c.started_at, c.id`,
    )
    .all();
}

export const reviewShareHandlers: Pick<Handlers, 'reviews:share'> = {
  'reviews:share': (ctx) => {
    // Reviews of the whole Trust or a team are for an administrator of every system to hand up.
    ctx.requireUnscoped();
    const db = ctx.db();
    const reviews = reviewsToShare(db);
    if (reviews.length === 0)
      throw new GatehouseError('NOT_FOUND', 'Every access review here is on the Trust register already.');
    return ctx.transact((audit) => {
      // An update that changes nothing still fires the capture triggers: each row goes up as it is.
      const campaign = db.prepare('UPDATE review_campaigns SET id = id WHERE id = ?');
      const items = db.prepare('UPDATE review_items SET id = id WHERE campaign_id = ?');
      const noted = db.prepare('DELETE FROM review_campaigns_to_share WHERE id = ?');
      for (const review of reviews) {
        campaign.run(review.id);
        const { changes } = items.run(review.id);
        noted.run(review.id);
        const scope = describeScope(review.scope_kind, review.scope_value, db);
        audit({
          action: 'review.shared',
          subject: { type: 'access-review', id: review.id, label: `Access review of ${scope}` },
          after: { scope, state: review.state, dueOn: review.due_on, accounts: changes },
        });
      }
      return { shared: reviews.length };
    });
  },
};
