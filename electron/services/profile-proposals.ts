/**
 * Starters get their position's access proposed (issue 13 §2): one new-user request per account the
 * access profiles propose, each made by the same function as a hand-made request, so each waits for the
 * line manager's authorisation (REG-2), then its prerequisites (REG-8), and the rules refuse what they
 * refuse (REG-3, REG-4, REG-9, REG-10), with the same sentences. The line manager's authorisation for
 * the set can then be recorded once.
 */
import { OPEN_STATES, type AccessRequest } from '../../shared/requests';
import { profileMatcher } from '../../shared/policy/access-profiles';
import type { Handlers, ServiceContext } from '../service-context';
import { isGatehouseError, GatehouseError } from '../store/errors';
import { listProfiles, liveAccountsByPerson } from '../store/profile-queries';
import { requestRow } from '../store/request-queries';
import { requirePerson } from './people';
import { createRequest } from './requests';
import { advance, presentRequest } from './request-workflow';

export interface RaisedProposals {
  raised: AccessRequest[];
  /** Accounts already held, or already asked for: nothing to do. */
  skipped: string[];
  /** What the rules (or the operator's scope) refused, one sentence each. */
  refused: string[];
}

/**
 * Inside or outside a transaction: raise the proposed requests. A refused proposal raises nothing and
 * is reported; the others still go ahead, as they would have had each been keyed in by hand.
 * `onlySystems`: a mover's "add" lines only; what they hold stays the review's decision (CHG-2).
 */
export function raiseProposedRequests(
  ctx: ServiceContext,
  personId: string,
  reference: string,
  occasion: string,
  onlySystems?: ReadonlySet<string>,
): RaisedProposals {
  const db = ctx.db();
  const person = requirePerson(db, personId);
  const proposals = profileMatcher(listProfiles(db))
    .propose(person)
    .filter((p) => !onlySystems || onlySystems.has(p.systemId));
  const held = liveAccountsByPerson(db, person.id).get(person.id) ?? [];
  const open = db
    .prepare<string[], { system_id: string; reference: string }>(
      `SELECT system_id, reference FROM requests WHERE person_id = ? AND type = 'new-user'
       AND state IN (${OPEN_STATES.map(() => '?').join(', ')})`,
    )
    .all(person.id, ...OPEN_STATES);
  const result: RaisedProposals = { raised: [], skipped: [], refused: [] };
  for (const p of proposals) {
    const label = `${p.systemName} (${p.role})`;
    if (held.some((h) => h.systemId === p.systemId && h.kind === 'normal' && h.role === p.role)) {
      result.skipped.push(`${label}: already held.`);
      continue;
    }
    const asked = open.find((r) => r.system_id === p.systemId);
    if (asked) {
      result.skipped.push(`${label}: request ${asked.reference} is already open.`);
      continue;
    }
    try {
      const { request } = createRequest(ctx, {
        type: 'new-user',
        reference,
        personId: person.id,
        systemId: p.systemId,
        role: p.role,
        accountKind: 'normal',
        purpose: `${occasion}. ${p.reason}.`.slice(0, 500),
        purposeKind: p.purposeKind,
        prerequisitesMet: [],
      });
      result.raised.push(request);
    } catch (error) {
      if (!isGatehouseError(error) || !['REFUSED_BY_POLICY', 'FORBIDDEN'].includes(error.code)) throw error;
      result.refused.push(`${label}: ${error.message}`);
    }
  }
  return result;
}

/** The proposals in a sentence or two, for a decision's summary. */
export function describeProposals(
  { raised, refused }: RaisedProposals,
  lead = 'Its access profiles propose',
): string {
  const parts: string[] = [];
  if (raised.length > 0)
    parts.push(
      ` ${lead} ${raised.map((r) => `${r.systemName} (${r.role ?? ''})`).join(', ')}: ${raised.length === 1 ? 'a request waits' : 'one request each waits'} for the line manager’s authorisation (REG-2).`,
    );
  if (refused.length > 0) parts.push(` Not raised: ${refused.join(' ')}`);
  return parts.join('');
}

export const proposalHandlers: Pick<Handlers, 'profiles:raiseRequests' | 'requests:authoriseAll'> = {
  'profiles:raiseRequests': (ctx, input) => {
    const person = requirePerson(ctx.db(), input.personId);
    return ctx.transact((audit) => {
      const result = raiseProposedRequests(
        ctx,
        person.id,
        input.reference,
        `Proposed by ${person.name}’s access profiles`,
      );
      audit({
        action: 'request.proposals-raised',
        subject: { type: 'person', id: person.id, label: person.name },
        after: {
          raised: result.raised.map((r) => `${r.systemName} (${r.role ?? ''})`),
          skipped: result.skipped,
          refused: result.refused,
        },
      });
      return result;
    });
  },

  'requests:authoriseAll': (ctx, input) => {
    const db = ctx.db();
    const rows = input.ids.map((id) => {
      const row = requestRow(db, id);
      if (!row) throw new GatehouseError('NOT_FOUND', 'A chosen request no longer exists. Refresh the list.');
      return row;
    });
    const people = new Set(rows.map((r) => r.person_id));
    if (people.size > 1)
      throw new GatehouseError(
        'INVALID_INPUT',
        'One authorisation covers one person’s requests: choose requests for the same person.',
      );
    const warnings = ctx.transact((audit) => {
      const all: string[] = [];
      for (const row of rows) {
        try {
          all.push(...advance(ctx, row.id, { authorisation: input.authorisation }, 'request.authorised'));
        } catch (error) {
          if (isGatehouseError(error))
            throw new GatehouseError(
              error.code,
              `Request ${row.reference} for ${row.system_name}: ${error.message} Nothing was authorised.`,
            );
          throw error;
        }
      }
      audit({
        action: 'request.authorised-together',
        subject: { type: 'person', id: rows[0]!.person_id, label: rows[0]!.person_name },
        instructedBy: input.authorisation.by,
        after: { requests: rows.map((r) => `${r.reference} ${r.system_name}`) },
      });
      return all;
    });
    return { requests: rows.map((r) => presentRequest(ctx, r.id)), warnings };
  },
};
