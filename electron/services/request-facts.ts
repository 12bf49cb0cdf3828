/** Gathers the facts the registration rules need from the store, for a new or an existing request. */
import type { CatalogueSystem, Prerequisite } from '../../shared/catalogue';
import type { RequestFacts } from '../../shared/policy/registration-rules';
import type { Authorisation, RequestType } from '../../shared/requests';
import type { Person } from '../../shared/register';
import type { Db } from '../store/database';

export interface RequestDraft {
  type: RequestType;
  role: string | null;
  accountKind: 'normal' | 'admin' | 'generic';
  purposeKind: RequestFacts['purposeKind'];
  authorisation: Authorisation | null;
  prerequisitesMet: Prerequisite[];
  genericIgReference: string | null;
  genericEndDate: string | null;
  licenceOverrideReason: string | null;
}

/** The account a change acts on: the live one of that kind, or for reactivation the suspended/disabled one. */
export function targetAccount(db: Db, personId: string, systemId: string, type: RequestType, kind: string) {
  const statuses =
    type === 'reactivation'
      ? ['suspended', 'disabled', 'active', 'pending']
      : ['active', 'suspended', 'pending'];
  return db
    .prepare<[string, string, string], { id: string; status: string; role: string }>(
      `SELECT id, status, role FROM accounts WHERE person_id = ? AND system_id = ? AND kind = ? AND status <> 'deleted'
       ORDER BY CASE status ${statuses.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE 9 END, created_at DESC LIMIT 1`,
    )
    .get(personId, systemId, kind);
}

function licenceUse(db: Db, system: CatalogueSystem, person: Person, today: string): RequestFacts['licence'] {
  const year = Number(today.slice(0, 4));
  const organisation = person.organisation ?? '';
  const allocation = system.licenceAllocations.find(
    (a) =>
      a.year === year &&
      a.organisation.toLocaleLowerCase('en-GB') === organisation.toLocaleLowerCase('en-GB'),
  );
  if (!allocation) return null;
  const used = (
    db
      .prepare(
        `SELECT count(*) AS n FROM accounts a JOIN people p ON p.id = a.person_id
         WHERE a.system_id = ? AND a.status IN ('pending', 'active', 'suspended') AND lower(p.organisation) = lower(?)`,
      )
      .get(system.id, organisation) as { n: number }
  ).n;
  return { organisation: allocation.organisation, year, allocation: allocation.allocation, used };
}

export function gatherFacts(
  db: Db,
  system: CatalogueSystem,
  person: Person,
  draft: RequestDraft,
  today: string,
): RequestFacts {
  const live = db
    .prepare<[string, string], { kind: 'normal' | 'admin' | 'generic' }>(
      `SELECT kind FROM accounts WHERE person_id = ? AND system_id = ? AND status IN ('pending', 'active', 'suspended')`,
    )
    .all(person.id, system.id)
    .map((r) => r.kind);
  return {
    ...draft,
    system,
    today,
    person: {
      name: person.name,
      digitalStaff: person.digitalStaff,
      employmentType: person.employmentType,
      finishingDate: person.finishingDate,
      hasSmartcard: person.smartcardUuid !== null,
      status: person.status,
    },
    liveAccountKinds: live,
    targetAccountStatus:
      draft.type === 'new-user'
        ? null
        : (targetAccount(db, person.id, system.id, draft.type, draft.accountKind)?.status ?? null),
    licence: draft.type === 'new-user' ? licenceUse(db, system, person, today) : null,
  };
}
