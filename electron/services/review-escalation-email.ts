/**
 * Escalation of an access review (issue 13 §3): one email draft (.eml, RFC 5322, UTF-8) per senior
 * manager, listing, line manager by line manager, the accounts still unanswered after the due date that
 * were escalated to them. Composed as the line managers' drafts are (nothing is sent); the answers they
 * give are recorded on the review screen like any other.
 */
import type { ChannelOutput } from '../../shared/contract';
import { isEmailAddress } from '../../shared/email-address';
import type { Handlers } from '../service-context';
import { describeScope, NO_MANAGER, requireCampaign } from './access-reviews';
import { composeDraft, slug } from './inactivity-email';

interface EscalatedRow {
  senior_id: string | null;
  senior_name: string | null;
  senior_email: string | null;
  manager_name: string | null;
  person_name: string;
  system_name: string;
  role: string;
}

type Output = ChannelOutput<'reviews:escalationEmails'>;

/** `[[a, [x, y]], [b, [z]]]`, keeping the query's order. */
function groupBy<T, K>(rows: T[], key: (row: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return [...groups];
}

export const reviewEscalationEmailHandlers: Pick<Handlers, 'reviews:escalationEmails'> = {
  'reviews:escalationEmails': async (ctx, input) => {
    const db = ctx.db();
    const campaign = requireCampaign(db, input.campaignId);
    const scope = describeScope(campaign.scope_kind, campaign.scope_value, db);
    const rows = db
      .prepare<[string], EscalatedRow>(
        `SELECT i.escalated_to_id AS senior_id, s.name AS senior_name, s.email AS senior_email,
           m.name AS manager_name, p.name AS person_name, sys.name AS system_name, a.role
         FROM review_items i JOIN accounts a ON a.id = i.account_id JOIN people p ON p.id = a.person_id
           JOIN systems sys ON sys.id = a.system_id LEFT JOIN people m ON m.id = i.manager_id
           LEFT JOIN people s ON s.id = i.escalated_to_id
         WHERE i.campaign_id = ? AND i.escalated_at IS NOT NULL AND i.answer IS NULL
         ORDER BY s.name IS NULL, s.name COLLATE NOCASE, s.id, m.name IS NULL, m.name COLLATE NOCASE,
           p.name COLLATE NOCASE, sys.name`,
      )
      .all(campaign.id);
    const result: Output = { scope, drafts: [], needsEmail: [], noSenior: [] };
    const date = ctx.clock.now();
    for (const [index, [seniorId, items]] of groupBy(rows, (r) => r.senior_id).entries()) {
      const byManager = groupBy(items, (r) => r.manager_name ?? NO_MANAGER);
      const first = items[0]!;
      if (seniorId === null) {
        result.noSenior.push(
          ...byManager.map(([name, list]) => ({ managerName: name, accounts: list.length })),
        );
        continue;
      }
      const seniorName = first.senior_name!;
      if (!isEmailAddress(first.senior_email)) {
        result.needsEmail.push({ managerName: seniorName, accounts: items.length });
        continue;
      }
      const text = [
        `Dear ${seniorName},`,
        '',
        `The access review of ${scope} was due on ${campaign.due_on}. The line managers below, who report to you,`,
        'have not yet confirmed whether these accounts held by their staff are still needed, so they are escalated to you.',
        'For each account, please answer keep, remove, or the role they need instead, and reply to this email.',
        ...byManager.flatMap(([manager, list]) => [
          '',
          manager === NO_MANAGER ? 'Staff with no line manager recorded:' : `${manager}’s staff:`,
          ...list.map((r) => `- ${r.person_name}: ${r.system_name} (${r.role})`),
        ]),
        '',
        `Gatehouse access review of ${scope}`,
      ].join('\r\n');
      const number = String(index + 1).padStart(3, '0');
      result.drafts.push({
        seniorName,
        fileName: `access-review-escalation-${campaign.due_on}-${number}-${slug(seniorName)}.eml`,
        content: await composeDraft({
          to: { name: seniorName, address: first.senior_email! },
          subject: `Escalated: access review of ${scope}, unanswered since ${campaign.due_on}`,
          text,
          date,
          messageId: `access-review-escalation-${campaign.id}-${number}`,
        }),
      });
    }
    return result;
  },
};
