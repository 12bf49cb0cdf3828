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

/**
 * Compiled once for many people (the outside-profile report matches the whole register): profiles are
 * bucketed by job role, so each person is compared only with those naming their job role or "any".
 */
export function profileMatcher(profiles: readonly AccessProfile[]) {
  const ordered = [...profiles].sort(
    (a, b) => specificity(b.position) - specificity(a.position) || a.id.localeCompare(b.id),
  );
  const byJobRole = new Map<string | null, AccessProfile[]>();
  for (const profile of ordered) {
    const k = key(profile.position.jobRole);
    const bucket = byJobRole.get(k) ?? [];
    bucket.push(profile);
    byJobRole.set(k, bucket);
  }
  const anyJob = byJobRole.get(null) ?? [];

  /** The matching profiles, most specific first. */
  function matching(person: PersonPosition): AccessProfile[] {
    const named = byJobRole.get(key(person.jobRole)) ?? [];
    const candidates = named.length === 0 ? anyJob : mergeOrdered(named, anyJob);
    return candidates.filter((p) => positionMatches(p.position, person));
  }

  /** One proposed account per system, from the most specific matching profile that names it. */
  function propose(person: PersonPosition): ProposedAccount[] {
    const chosen = new Map<string, ProposedAccount>();
    for (const profile of matching(person)) {
      for (const account of profile.accounts) {
        const earlier = chosen.get(account.systemId);
        if (earlier) {
          if (earlier.role !== account.role)
            earlier.reason += `; it takes precedence over the less specific profile for ${describePosition(profile.position)}, which proposes ${account.role}`;
          continue;
        }
        chosen.set(account.systemId, {
          systemId: account.systemId,
          systemName: account.systemName,
          role: account.role,
          purposeKind: account.purposeKind,
          profileId: profile.id,
          reason: `Proposed by the profile for ${describePosition(profile.position)} (${namedFields(profile.position)})`,
        });
      }
    }
    return [...chosen.values()].sort((a, b) => a.systemName.localeCompare(b.systemName, 'en-GB'));
  }

  return { matching, propose };
}

function mergeOrdered(a: AccessProfile[], b: AccessProfile[]): AccessProfile[] {
  return [...a, ...b].sort(
    (x, y) => specificity(y.position) - specificity(x.position) || x.id.localeCompare(y.id),
  );
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
  return items.sort((a, b) => a.systemName.localeCompare(b.systemName, 'en-GB'));
}
