/**
 * The registration rules (REG-2..REG-11) as one pure function over the facts of a request. Main calls
 * it before any change; the forms call it to explain. Refusals stop the request; blockers hold it in
 * a waiting state until they are cleared; warnings are shown and let it proceed.
 */
import type { CatalogueSystem, Prerequisite } from '../catalogue';
import { LICENCE_WARNING_SHARE, PREREQUISITE_LABELS } from '../catalogue';
import { NEEDS_FINISHING_DATE } from '../register';
import type { Authorisation, RequestState, RequestType } from '../requests';
import { authorisationDateProblem } from './date-rules';

export interface RequestFacts {
  type: RequestType;
  system: Pick<CatalogueSystem, 'name' | 'roles' | 'directCareOnly'>;
  role: string | null;
  accountKind: 'normal' | 'admin' | 'generic';
  purposeKind: 'direct-care' | 'administration' | 'secondary-use';
  authorisation: Authorisation | null;
  prerequisitesMet: Prerequisite[];
  genericIgReference: string | null;
  genericEndDate: string | null;
  today: string;
  person: {
    name: string;
    digitalStaff: boolean;
    employmentType: string;
    finishingDate: string | null;
    hasSmartcard: boolean;
    status: 'active' | 'leaver';
  };
  /** Live (pending, active, suspended) accounts the person already holds on this system. */
  liveAccountKinds: ('normal' | 'admin' | 'generic')[];
  /** The account an amendment, deletion or reactivation acts on, if any. */
  targetAccountStatus: string | null;
  licence: { organisation: string; year: number; allocation: number; used: number } | null;
  licenceOverrideReason: string | null;
}

export interface RuleOutcome {
  refusals: string[];
  blockers: string[];
  warnings: string[];
  state: RequestState | 'refused';
}

const NEEDS_ROLE: readonly RequestType[] = ['new-user', 'amendment', 'reactivation'];

export function evaluateRequest(f: RequestFacts): RuleOutcome {
  const refusals: string[] = [];
  const blockers: string[] = [];
  const warnings: string[] = [];
  const system = f.system.name;

  if (f.person.status === 'leaver' && f.type !== 'deletion') {
    refusals.push(
      `${f.person.name} has left the Trust; only a deletion can be requested for a leaver (DIS-3).`,
    );
  }
  // REG-3: the role must be one the system offers.
  if (NEEDS_ROLE.includes(f.type)) {
    if (!f.role) refusals.push(`Say which ${system} role is needed (REG-3).`);
    else if (!f.system.roles.some((r) => r.name === f.role)) {
      refusals.push(
        `${system} does not offer the role "${f.role}" (REG-3). Choose one of: ${f.system.roles.map((r) => r.name).join(', ')}; if in doubt, refer the request to the line manager.`,
      );
    }
  }
  // REG-9: direct care only systems reject secondary use.
  if (f.system.directCareOnly && f.purposeKind === 'secondary-use') {
    refusals.push(
      `${system} is for direct care only (REG-9): requests for secondary use such as research are rejected.`,
    );
  }
  // REG-11: temporary staff must have a finishing date.
  if (
    (NEEDS_FINISHING_DATE as readonly string[]).includes(f.person.employmentType) &&
    !f.person.finishingDate
  ) {
    refusals.push(
      `${f.person.name} is temporary staff with no finishing date (REG-11). Record the finishing date first.`,
    );
  }
  if (f.type === 'new-user') {
    // REG-4: one account per person per system; Digital staff may add one admin account.
    if (f.liveAccountKinds.includes(f.accountKind)) {
      refusals.push(
        `${f.person.name} already has ${f.accountKind === 'normal' ? 'an' : `a ${f.accountKind}`} account on ${system} (REG-4: one account per person per system). Request an amendment instead.`,
      );
    } else if (f.accountKind === 'admin' && !f.person.digitalStaff) {
      refusals.push(`Only Digital staff may hold an admin account beside their normal one (REG-4).`);
    } else if (f.accountKind === 'admin' && !f.liveAccountKinds.includes('normal')) {
      refusals.push(
        `An admin account is held beside a normal account (REG-4); request the normal ${system} account first.`,
      );
    }
    // REG-5: generic logins need an IG approval reference and an end date.
    if (f.accountKind === 'generic') {
      if (!f.genericIgReference || !f.genericEndDate) {
        refusals.push(
          'A generic login needs an Information Governance approval reference and an end date (REG-5).',
        );
      } else if (f.genericEndDate <= f.today) {
        refusals.push(`The generic login’s end date ${f.genericEndDate} has already passed (REG-5).`);
      }
    }
    // REG-10: licence allocation per organisation per year.
    if (f.licence) {
      const { used, allocation, organisation, year } = f.licence;
      if (used >= allocation && !f.licenceOverrideReason) {
        refusals.push(
          `${organisation} has used all ${allocation} ${system} licences for ${year} (REG-10). An administrator can override this with a reason.`,
        );
      } else if (used >= allocation) {
        warnings.push(
          `Over the ${year} licence allocation for ${organisation} (${used + 1} of ${allocation}); override recorded (REG-10).`,
        );
      } else if (used + 1 >= Math.ceil(allocation * LICENCE_WARNING_SHARE)) {
        warnings.push(
          `${organisation} will have used ${used + 1} of ${allocation} ${system} licences for ${year} (REG-10).`,
        );
      }
    }
  } else if (f.targetAccountStatus === null) {
    refusals.push(
      `${f.person.name} has no ${system} account to ${f.type === 'deletion' ? 'remove' : f.type === 'amendment' ? 'change' : 'reactivate'}.`,
    );
  } else if (f.type === 'reactivation' && !['suspended', 'disabled'].includes(f.targetAccountStatus)) {
    refusals.push(
      `${f.person.name}’s ${system} account is ${f.targetAccountStatus}; only a suspended or disabled account can be reactivated.`,
    );
  }

  // REG-2 (and RRG-1 for reactivation): no authorisation, no registration.
  if (!f.authorisation) {
    blockers.push(
      f.type === 'reactivation'
        ? 'Waiting for line or senior manager approval: re-registration needs it (RRG-1).'
        : 'Waiting for the line manager’s authorisation (REG-2): no authorisation, no registration.',
    );
  }
  // An authorisation dated in the future was not given yet: it cannot start the SLA or count as met.
  const futureAuthorisation =
    f.authorisation &&
    authorisationDateProblem(
      f.authorisation.on,
      f.today,
      f.type === 'reactivation' ? 'manager’s approval' : 'line manager’s authorisation',
      f.type === 'reactivation' ? 'RRG-1' : 'REG-2',
    );
  if (futureAuthorisation) refusals.push(futureAuthorisation);
  // REG-8: prerequisites per system and role.
  const required = f.role ? (f.system.roles.find((r) => r.name === f.role)?.prerequisites ?? []) : [];
  const missing = NEEDS_ROLE.includes(f.type) ? required.filter((p) => !f.prerequisitesMet.includes(p)) : [];
  if (missing.length > 0) {
    blockers.push(
      `Before ${f.role} access on ${system} is granted (REG-8): ${missing.map((p) => PREREQUISITE_LABELS[p]).join('; ')}.`,
    );
  }
  if (required.includes('smartcard') && f.prerequisitesMet.includes('smartcard') && !f.person.hasSmartcard) {
    refusals.push(
      `A valid active smartcard is confirmed, but no smartcard UUID is recorded for ${f.person.name} (REG-8). Record the card first.`,
    );
  }

  const state: RuleOutcome['state'] =
    refusals.length > 0
      ? 'refused'
      : !f.authorisation
        ? 'awaiting-authorisation'
        : missing.length > 0
          ? 'awaiting-prerequisites'
          : 'ready';
  return { refusals, blockers, warnings, state };
}
