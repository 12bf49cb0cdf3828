import { describe, expect, it } from 'vitest';
import { evaluateRequest, type RequestFacts } from '../../shared/policy/registration-rules';

const RIO = {
  name: 'RiO',
  directCareOnly: false,
  roles: [
    { name: 'Clinician', prerequisites: [] },
    { name: 'System administrator', prerequisites: [] },
  ],
};
const ESR = {
  name: 'ESR',
  directCareOnly: false,
  roles: [
    { name: 'Employee Self Service', prerequisites: [] },
    {
      name: 'Manager Self Service',
      prerequisites: ['smartcard', 'esr06-form', 'confidentiality-declaration'],
    },
  ],
} as RequestFacts['system'];
const CONNECTING_CARE = {
  name: 'Connecting Care',
  directCareOnly: true,
  roles: [{ name: 'Clinical user', prerequisites: [] }],
};

/** A request that passes every rule; each test changes one fact. */
const base = (changes: Partial<RequestFacts> = {}): RequestFacts => ({
  type: 'new-user',
  system: RIO as RequestFacts['system'],
  role: 'Clinician',
  accountKind: 'normal',
  purposeKind: 'direct-care',
  authorisation: { by: 'Ngozi Okafor', on: '2026-11-23', how: 'email' },
  prerequisitesMet: [],
  genericIgReference: null,
  genericEndDate: null,
  today: '2026-11-23',
  person: {
    name: 'Sam Patel',
    digitalStaff: false,
    employmentType: 'permanent',
    finishingDate: null,
    hasSmartcard: true,
    status: 'active',
  },
  liveAccountKinds: [],
  targetAccountStatus: null,
  licence: null,
  licenceOverrideReason: null,
  ...changes,
});

describe('registration rules', () => {
  it('lets a complete, authorised request go straight to ready', () => {
    expect(evaluateRequest(base())).toEqual({ refusals: [], blockers: [], warnings: [], state: 'ready' });
  });

  it('REG-2: holds a request without line-manager authorisation', () => {
    const outcome = evaluateRequest(base({ authorisation: null }));
    expect(outcome.state).toBe('awaiting-authorisation');
    expect(outcome.blockers[0]).toMatch(/line manager’s authorisation \(REG-2\)/);
  });

  it('REG-3: refuses a role the system does not offer, listing the ones it does', () => {
    expect(evaluateRequest(base({ role: 'Superuser' })).refusals[0]).toMatch(
      /does not offer the role "Superuser" \(REG-3\)\. Choose one of: Clinician, System administrator/,
    );
    expect(evaluateRequest(base({ role: null })).refusals[0]).toMatch(/REG-3/);
  });

  it('REG-4: refuses a second account, and an admin account except for Digital staff beside a normal one', () => {
    expect(evaluateRequest(base({ liveAccountKinds: ['normal'] })).refusals[0]).toMatch(
      /already has an account on RiO \(REG-4/,
    );
    expect(evaluateRequest(base({ accountKind: 'admin', liveAccountKinds: ['normal'] })).refusals[0]).toMatch(
      /Only Digital staff/,
    );
    const digital = { ...base().person, digitalStaff: true };
    expect(
      evaluateRequest(base({ accountKind: 'admin', liveAccountKinds: ['normal'], person: digital })).state,
    ).toBe('ready');
    expect(
      evaluateRequest(base({ accountKind: 'admin', liveAccountKinds: [], person: digital })).refusals[0],
    ).toMatch(/beside a normal account/);
    expect(
      evaluateRequest(base({ accountKind: 'admin', liveAccountKinds: ['normal', 'admin'], person: digital }))
        .refusals[0],
    ).toMatch(/REG-4/);
  });

  it('REG-5: refuses a generic login without an IG reference and a future end date', () => {
    expect(evaluateRequest(base({ accountKind: 'generic' })).refusals[0]).toMatch(
      /Information Governance approval reference and an end date \(REG-5\)/,
    );
    expect(
      evaluateRequest(
        base({ accountKind: 'generic', genericIgReference: 'IG-2026-041', genericEndDate: '2026-11-01' }),
      ).refusals[0],
    ).toMatch(/already passed/);
    expect(
      evaluateRequest(
        base({ accountKind: 'generic', genericIgReference: 'IG-2026-041', genericEndDate: '2027-01-31' }),
      ).state,
    ).toBe('ready');
  });

  it('REG-8: holds ESR Manager Self Service until smartcard, ESR06 and the declaration are confirmed; Employee Self Service needs none', () => {
    const held = evaluateRequest(
      base({ system: ESR, role: 'Manager Self Service', prerequisitesMet: ['smartcard'] }),
    );
    expect(held.state).toBe('awaiting-prerequisites');
    expect(held.blockers[0]).toMatch(/ESR06 User Access Form; ESR Confidentiality Declaration/);
    expect(evaluateRequest(base({ system: ESR, role: 'Employee Self Service' })).state).toBe('ready');
    const noCard = { ...base().person, hasSmartcard: false };
    const all = [
      'smartcard',
      'esr06-form',
      'confidentiality-declaration',
    ] as RequestFacts['prerequisitesMet'];
    expect(
      evaluateRequest(
        base({ system: ESR, role: 'Manager Self Service', prerequisitesMet: all, person: noCard }),
      ).refusals[0],
    ).toMatch(/no smartcard UUID is recorded/);
  });

  it('REG-9: rejects secondary use on a direct-care-only system', () => {
    const system = CONNECTING_CARE as RequestFacts['system'];
    expect(
      evaluateRequest(base({ system, role: 'Clinical user', purposeKind: 'secondary-use' })).refusals[0],
    ).toMatch(/direct care only \(REG-9\)/);
    expect(evaluateRequest(base({ system, role: 'Clinical user', purposeKind: 'direct-care' })).state).toBe(
      'ready',
    );
  });

  it('REG-10: warns from 90% of the licence allocation and refuses beyond it without an override', () => {
    const licence = (used: number) => ({ organisation: 'The Trust', year: 2026, allocation: 10, used });
    expect(evaluateRequest(base({ licence: licence(7) })).warnings).toEqual([]);
    expect(evaluateRequest(base({ licence: licence(8) })).warnings[0]).toMatch(/will have used 9 of 10/);
    expect(evaluateRequest(base({ licence: licence(10) })).refusals[0]).toMatch(
      /used all 10 RiO licences for 2026 \(REG-10\)/,
    );
    const overridden = evaluateRequest(
      base({ licence: licence(10), licenceOverrideReason: 'Urgent ward cover agreed by the CCIO' }),
    );
    expect(overridden.state).toBe('ready');
    expect(overridden.warnings[0]).toMatch(/override recorded/);
  });

  it('REG-11: refuses temporary staff without a finishing date', () => {
    const temp = { ...base().person, employmentType: 'temporary', finishingDate: null };
    expect(evaluateRequest(base({ person: temp })).refusals[0]).toMatch(/no finishing date \(REG-11\)/);
  });

  it('RRG-1: a reactivation waits for line or senior manager approval, and needs a suspended or disabled account', () => {
    const waiting = evaluateRequest(
      base({ type: 'reactivation', authorisation: null, targetAccountStatus: 'suspended' }),
    );
    expect(waiting.blockers[0]).toMatch(/RRG-1/);
    expect(
      evaluateRequest(base({ type: 'reactivation', targetAccountStatus: 'active' })).refusals[0],
    ).toMatch(/only a suspended or disabled account/);
  });

  it('refuses anything but a deletion for a leaver (DIS-3)', () => {
    const leaver = { ...base().person, status: 'leaver' as const };
    expect(evaluateRequest(base({ person: leaver })).refusals[0]).toMatch(/DIS-3/);
    expect(
      evaluateRequest(base({ type: 'deletion', role: null, person: leaver, targetAccountStatus: 'active' }))
        .state,
    ).toBe('ready');
  });
});
