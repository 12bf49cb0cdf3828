import { describe, expect, it } from 'vitest';
import type { AccessProfile } from '../../../shared/access-profiles';
import {
  type HeldAccount,
  moverDifference,
  outsideProfile,
  positionMatches,
  profileMatcher,
  specificity,
} from '../../../shared/policy/access-profiles';

const ANY = { jobRole: null, team: null, directorate: null, organisation: null };
let next = 0;
function profile(
  position: Partial<AccessProfile['position']>,
  ...accounts: [string, string][]
): AccessProfile {
  next += 1;
  return {
    id: `p${next}`,
    position: { ...ANY, ...position },
    accounts: accounts.map(([systemId, role]) => ({
      systemId,
      systemName: systemId.toUpperCase(),
      role,
      purposeKind: 'direct-care',
    })),
    updatedAt: '2026-11-23T09:00:00.000Z',
  };
}

const cpn = {
  jobRole: 'Community Psychiatric Nurse',
  team: 'Crisis Team',
  directorate: 'Mental Health Services',
  organisation: 'ELFT',
};

describe('matching a position (issue 13 §1)', () => {
  it('treats "any" as matching every value, and named fields by their words whatever the case', () => {
    expect(positionMatches(ANY, cpn)).toBe(true);
    expect(positionMatches({ ...ANY, jobRole: ' community psychiatric NURSE ' }, cpn)).toBe(true);
    expect(positionMatches({ ...ANY, jobRole: 'Community Psychiatric Nurse', team: 'Ward 1' }, cpn)).toBe(
      false,
    );
    expect(
      positionMatches({ ...ANY, directorate: 'Mental Health Services' }, { ...cpn, directorate: null }),
    ).toBe(false);
  });

  it('ranks more named fields first, and job role above team above directorate above organisation', () => {
    const jobOnly = specificity({ ...ANY, jobRole: 'x' });
    const teamOnly = specificity({ ...ANY, team: 'x' });
    const orgOnly = specificity({ ...ANY, organisation: 'x' });
    const teamAndOrg = specificity({ ...ANY, team: 'x', organisation: 'y' });
    expect(specificity(ANY)).toBeLessThan(orgOnly);
    expect(orgOnly).toBeLessThan(teamOnly);
    expect(teamOnly).toBeLessThan(jobOnly);
    expect(jobOnly).toBeLessThan(teamAndOrg);
  });

  it('takes each system from the most specific matching profile and says why', () => {
    const trustWide = profile(
      {},
      ['network', 'Standard user'],
      ['learning', 'Learner'],
      ['rio', 'Read only'],
    );
    const mhs = profile({ directorate: 'Mental Health Services' }, ['rio', 'Clinical administrator']);
    const nurse = profile(
      { jobRole: 'Community Psychiatric Nurse', directorate: 'Mental Health Services' },
      ['rio', 'Clinician'],
      ['healthroster', 'Employee online'],
    );
    const otherJob = profile({ jobRole: 'Pharmacist' }, ['epma', 'Prescriber']);
    const matcher = profileMatcher([trustWide, otherJob, mhs, nurse]);

    expect(matcher.matching(cpn).map((p) => p.id)).toEqual([nurse.id, mhs.id, trustWide.id]);
    const proposed = matcher.propose(cpn);
    expect(proposed.map((p) => [p.systemId, p.role, p.profileId])).toEqual([
      ['healthroster', 'Employee online', nurse.id],
      ['learning', 'Learner', trustWide.id],
      ['network', 'Standard user', trustWide.id],
      ['rio', 'Clinician', nurse.id],
    ]);
    const rio = proposed.find((p) => p.systemId === 'rio')!;
    expect(rio.reason).toMatch(
      /Community Psychiatric Nurse · Mental Health Services \(matched on job role, directorate\)/,
    );
    expect(rio.reason).toMatch(
      /precedence over the less specific profile for Mental Health Services, which proposes Clinical administrator/,
    );
    expect(rio.reason).toMatch(/precedence over .*any position, which proposes Read only/);

    // Someone in another directorate gets only what the Trust-wide profile proposes.
    expect(matcher.propose({ ...cpn, directorate: 'Community Health' }).map((p) => p.role)).toEqual([
      'Learner',
      'Standard user',
      'Read only',
    ]);
    // No profile at all: nothing proposed.
    expect(profileMatcher([otherJob]).propose(cpn)).toEqual([]);
  });
});

const held = (systemId: string, role: string, kind: HeldAccount['kind'] = 'normal'): HeldAccount => ({
  id: `${systemId}-${kind}`,
  systemId,
  systemName: systemId.toUpperCase(),
  role,
  kind,
});

describe('accounts outside profile (issue 13 §2)', () => {
  it('lists accounts no profile proposes, or with another role, or admin accounts; not generic logins', () => {
    const matcher = profileMatcher([profile({}, ['network', 'Standard user'], ['rio', 'Clinician'])]);
    const proposed = matcher.propose(cpn);
    const outside = outsideProfile(
      [
        held('network', 'standard user'),
        held('rio', 'Read only'),
        held('rio', 'System administrator', 'admin'),
        held('oracle', 'Approver'),
        held('trac', 'Temp', 'generic'),
      ],
      proposed,
    );
    expect(outside.map((o) => [o.accountId, o.reason])).toEqual([
      ['rio-normal', 'The position’s profile proposes Clinician, not Read only.'],
      ['rio-admin', expect.stringMatching(/administrator account.*REG-4/)],
      ['oracle-normal', 'No access profile of their position proposes ORACLE.'],
    ]);
  });
});

describe('a mover’s proposed review (CHG-1, CHG-2)', () => {
  it('proposes keep, change role, remove and add, each with its reason', () => {
    const trustWide = profile({}, ['network', 'Standard user']);
    const ward = profile(
      { team: 'Ward 1' },
      ['rio', 'Clinical administrator'],
      ['trac', 'Recruiting manager'],
    );
    const crisis = profile(
      { team: 'Crisis Team' },
      ['rio', 'Clinician'],
      ['healthroster', 'Roster approver'],
    );
    const matcher = profileMatcher([trustWide, ward, crisis]);
    const before = matcher.propose({ ...cpn, team: 'Ward 1' });
    const after = matcher.propose(cpn);
    const items = moverDifference(
      [
        held('network', 'Standard user'),
        held('rio', 'Clinical administrator'),
        held('trac', 'Recruiting manager'),
        held('oracle', 'Approver'),
        held('rio', 'System administrator', 'admin'),
      ],
      before,
      after,
    );
    expect(items.map((i) => [i.systemId, i.action, i.currentRole, i.proposedRole])).toEqual([
      ['healthroster', 'add', null, 'Roster approver'],
      ['network', 'keep', 'Standard user', 'Standard user'],
      ['oracle', 'keep', 'Approver', 'Approver'],
      ['rio', 'change-role', 'Clinical administrator', 'Clinician'],
      ['trac', 'remove', 'Recruiting manager', null],
    ]);
    expect(items.find((i) => i.systemId === 'trac')!.reason).toMatch(
      /came with the old position \(the profile for Ward 1.*no profile of the new position proposes TRAC/,
    );
    expect(items.find((i) => i.systemId === 'oracle')!.reason).toMatch(/Outside profile before and after/);
    expect(items.find((i) => i.systemId === 'healthroster')!.reason).toMatch(
      /Crisis Team.*do not hold it yet/,
    );
  });
});
