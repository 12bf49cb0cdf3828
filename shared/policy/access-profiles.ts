/**
 * Access by position (issue 13 §1): which profiles match a person's position, which account each system
 * is proposed with, and why. Pure: the store hands in the profiles and the person.
 *
 * A field left "any" (null) matches every value; a named field matches the same words, ignoring case
 * and surrounding spaces. Where several matching profiles propose an account on the same system, the
 * most specific wins: the one naming more fields, and between equals the one naming the narrower field
 * (job role, then team, then directorate, then organisation).
 */
import {
  type AccessProfile,
  describePosition,
  type MoverItem,
  type OutsideProfile,
  type Position,
  POSITION_FIELDS,
  type ProposedAccount,
} from '../access-profiles';

export type PersonPosition = { [F in keyof Position]: string | null };

/** The account fields the comparison needs; live accounts only (pending, active, suspended). */
export interface HeldAccount {
  id: string;
  systemId: string;
  systemName: string;
  role: string;
  kind: 'normal' | 'admin' | 'generic';
}

const key = (value: string | null): string | null => (value ? value.trim().toLocaleLowerCase('en-GB') : null);

/** Higher is more specific: fields named first, then which fields (job role weighs most). */
export function specificity(position: Position): number {
  let named = 0;
  let weight = 0;
  POSITION_FIELDS.forEach((field, i) => {
    if (position[field]) {
      named += 1;
      weight += 1 << (POSITION_FIELDS.length - 1 - i);
    }
  });
  return named * 16 + weight;
}

export function positionMatches(profile: Position, person: PersonPosition): boolean {
  return POSITION_FIELDS.every((f) => profile[f] === null || key(profile[f]) === key(person[f]));
}

function namedFields(position: Position): string {
  const named = POSITION_FIELDS.filter((f) => position[f]).map((f) => (f === 'jobRole' ? 'job role' : f));
  return named.length === 0 ? 'every field “any”' : `matched on ${named.join(', ')}`;
}

/** One collator for every sort: creating one per comparison is what makes localeCompare slow. */
export const byName = new Intl.Collator('en-GB').compare;

interface Compiled {
  profile: AccessProfile;
  jobKey: string | null;
  keys: (string | null)[];
  reason: string;
  description: string;
}

/**
 * Compiled once for many people (the outside-profile report matches the whole register): profiles are
 * bucketed by job role, each bucket already merged with the "any job role" profiles and ordered most
 * specific first, so each person is compared only with the profiles that could match them.
 */
export function profileMatcher(profiles: readonly AccessProfile[]) {
  const ordered: Compiled[] = [...profiles]
    .sort((a, b) => specificity(b.position) - specificity(a.position) || a.id.localeCompare(b.id))
    .map((profile) => ({
      profile,
      jobKey: key(profile.position.jobRole),
      keys: POSITION_FIELDS.map((f) => key(profile.position[f])),
      description: describePosition(profile.position),
      reason: `Proposed by the profile for ${describePosition(profile.position)} (${namedFields(profile.position)})`,
    }));
  const anyJob = ordered.filter((c) => c.jobKey === null);
  const buckets = new Map<string, Compiled[]>();
  for (const c of ordered) {
    const k = c.jobKey;
    if (k === null || buckets.has(k)) continue;
    buckets.set(
      k,
      ordered.filter((o) => o.jobKey === null || o.jobKey === k),
    );
  }

  function compiledMatching(person: PersonPosition): Compiled[] {
    const personKeys = POSITION_FIELDS.map((f) => key(person[f]));
    const jobKey = key(person.jobRole);
    const candidates = (jobKey !== null && buckets.get(jobKey)) || anyJob;
    return candidates.filter((c) => c.keys.every((k, i) => k === null || k === personKeys[i]));
  }

  /** The matching profiles, most specific first. */
  function matching(person: PersonPosition): AccessProfile[] {
    return compiledMatching(person).map((c) => c.profile);
  }

  /** One proposed account per system, from the most specific matching profile that names it. */
  function propose(person: PersonPosition): ProposedAccount[] {
    const chosen = new Map<string, ProposedAccount>();
    for (const { profile, reason, description } of compiledMatching(person)) {
      for (const account of profile.accounts) {
        const earlier = chosen.get(account.systemId);
        if (earlier) {
          if (earlier.role !== account.role)
            earlier.reason += `; it takes precedence over the less specific profile for ${description}, which proposes ${account.role}`;
          continue;
        }
        chosen.set(account.systemId, {
          systemId: account.systemId,
          systemName: account.systemName,
          role: account.role,
          purposeKind: account.purposeKind,
          profileId: profile.id,
          reason,
        });
      }
    }
    return [...chosen.values()].sort((a, b) => byName(a.systemName, b.systemName));
  }

  return { matching, propose };
}

/**
 * Accounts held that the position's profiles do not explain: no profile proposes the system, or it
 * proposes another role. Generic logins (REG-5) are explained by their IG approval, not by a position.
 */
export function outsideProfile(
  held: readonly HeldAccount[],
  proposed: readonly ProposedAccount[],
): OutsideProfile[] {
  const bySystem = new Map(proposed.map((p) => [p.systemId, p]));
  return held.flatMap((account) => {
    if (account.kind === 'generic') return [];
    const proposal = bySystem.get(account.systemId);
    if (proposal && key(proposal.role) === key(account.role) && account.kind === 'normal') return [];
    const reason = !proposal
      ? `No access profile of their position proposes ${account.systemName}.`
      : account.kind === 'admin'
        ? `An administrator account: the position’s profile proposes ${proposal.role} only (REG-4).`
        : `The position’s profile proposes ${proposal.role}, not ${account.role}.`;
    return [
      {
        accountId: account.id,
        systemId: account.systemId,
        systemName: account.systemName,
        role: account.role,
        reason,
      },
    ];
  });
}

/**
 * A mover's proposed review (CHG-1, CHG-2): each normal account held, and each account the new position
 * proposes, with what to do and why. Administrator accounts and generic logins are left to the review.
 */
export function moverDifference(
  held: readonly HeldAccount[],
  before: readonly ProposedAccount[],
  after: readonly ProposedAccount[],
): MoverItem[] {
  const normal = held.filter((a) => a.kind === 'normal');
  const was = new Map(before.map((p) => [p.systemId, p]));
  const will = new Map(after.map((p) => [p.systemId, p]));
  const items: MoverItem[] = normal.map((account) => {
    const base = {
      systemId: account.systemId,
      systemName: account.systemName,
      accountId: account.id,
      currentRole: account.role,
    };
    const next = will.get(account.systemId);
    if (next && key(next.role) === key(account.role))
      return { ...base, action: 'keep', proposedRole: account.role, reason: `${next.reason}.` };
    if (next)
      return {
        ...base,
        action: 'change-role',
        proposedRole: next.role,
        reason: `${next.reason}, with the role ${next.role} instead of ${account.role}.`,
      };
    const old = was.get(account.systemId);
    if (old)
      return {
        ...base,
        action: 'remove',
        proposedRole: null,
        reason: `It came with the old position (${old.reason.replace(/^Proposed by /, '')}); no profile of the new position proposes ${account.systemName}.`,
      };
    return {
      ...base,
      action: 'keep',
      proposedRole: account.role,
      reason: `Outside profile before and after the move: no profile explains it, so ask the line manager whether it is still needed.`,
    };
  });
  const heldSystems = new Set(normal.map((a) => a.systemId));
  for (const proposal of after) {
    if (heldSystems.has(proposal.systemId)) continue;
    items.push({
      systemId: proposal.systemId,
      systemName: proposal.systemName,
      action: 'add',
      accountId: null,
      currentRole: null,
      proposedRole: proposal.role,
      reason: `${proposal.reason}; they do not hold it yet.`,
    });
  }
  return items.sort((a, b) => byName(a.systemName, b.systemName));
}
