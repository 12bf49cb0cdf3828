/**
 * One email draft (.eml, RFC 5322, UTF-8) per line manager for an access review (issue 13 §3): their
 * staff's accounts to confirm, remove or change, and the due date. The administrator sends it from
 * their mail client and records the answers, since line managers do not use Gatehouse.
 */
import type { ChannelOutput } from '../../shared/contract';
import type { Handlers } from '../service-context';
import { GatehouseError } from '../store/errors';
import { describeScope, reviewItems } from './access-reviews';
import { isEmailAddress } from '../../shared/email-address';
import { composeDraft, slug } from './inactivity-email';
import { reviewEscalationEmailHandlers } from './review-escalation-email';

export const reviewEmailHandlers: Pick<Handlers, 'reviews:emails' | 'reviews:escalationEmails'> = {
  ...reviewEscalationEmailHandlers,
  'reviews:emails': async (ctx, input) => {
    const db = ctx.db();
    const campaign = db
      .prepare<
        [string],
        { id: string; scope_kind: 'trust' | 'system' | 'team'; scope_value: string | null; due_on: string }
      >('SELECT id, scope_kind, scope_value, due_on FROM review_campaigns WHERE id = ?')
      .get(input.campaignId);
    if (!campaign)
      throw new GatehouseError('NOT_FOUND', 'That access review is not in Gatehouse. Refresh the list.');
    const scope = describeScope(campaign.scope_kind, campaign.scope_value, db);
    const managers = db
      .prepare<[string], { id: string; name: string; email: string | null }>(
        `SELECT DISTINCT m.id, m.name, m.email FROM review_items i JOIN people m ON m.id = i.manager_id
         WHERE i.campaign_id = ? AND i.answer IS NULL ORDER BY m.name COLLATE NOCASE`,
      )
      .all(campaign.id);
    const date = ctx.clock.now();
    const result: ChannelOutput<'reviews:emails'> = { drafts: [], needsEmail: [] };
    for (const [index, m] of managers.entries()) {
      const lines = reviewItems(db, campaign.id, m.id)
        .filter((i) => i.answer === null)
        .map((i) => `- ${i.personName}: ${i.systemName} (${i.role})`);
      const body = [
        `Dear ${m.name},`,
        '',
        `Please confirm by ${campaign.due_on} whether each of these accounts held by your staff is still needed`,
        'for their work. Answer keep, remove, or the role they need instead, and reply to this email.',
        '',
        ...lines,
        '',
        `Gatehouse access review of ${scope}`,
      ].join('\r\n');
      // No draft to nobody: a manager without a valid address is listed as needing one (as the inactivity review does).
      if (!isEmailAddress(m.email)) {
        result.needsEmail.push({ managerName: m.name, accounts: lines.length });
        continue;
      }
      result.drafts.push({
        fileName: `access-review-${campaign.due_on}-${String(index + 1).padStart(3, '0')}-${slug(m.name)}.eml`,
        content: await composeDraft({
          to: { name: m.name, address: m.email },
          subject: `Access review of ${scope}: please confirm your staff's accounts by ${campaign.due_on}`,
          text: body,
          date,
          messageId: `access-review-${campaign.id}-${String(index + 1).padStart(3, '0')}`,
        }),
      });
    }
    return result;
  },
};
