import { describe, expect, it } from 'vitest';
import type {
  AccessProfile,
  MoverItem,
  OutsideProfile,
  ProposedAccount,
} from '../../../shared/access-profiles';
import type { EsrChange } from '../../../shared/contract/esr';
import type { Person } from '../../../shared/register';
import type { AccessRequest, Task } from '../../../shared/requests';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';
import { testDate } from '../../support/test-clock';

const AUTH = { by: 'Ngozi Okafor', on: testDate(), how: 'email' as const };
type Raised = { raised: AccessRequest[]; skipped: string[]; refused: string[] };

async function trust() {
  const core = await activeAdminCore();
  await must<Person>(core, 'people:create', {
    name: 'Ngozi Okafor',
    employeeNumber: 'E0001',
    employmentType: 'permanent',
  });
  await must<AccessProfile>(core, 'profiles:save', {
    position: { jobRole: null, team: null, directorate: null, organisation: null },
    accounts: [
      { systemId: 'network', role: 'Standard user' },
      { systemId: 'learning-academy', role: 'Learner' },
    ],
  });
  await must<AccessProfile>(core, 'profiles:save', {
    position: { jobRole: 'Ward Manager', team: null, directorate: null, organisation: null },
    accounts: [
      { systemId: 'rio', role: 'Clinician' },
      { systemId: 'healthroster', role: 'Roster approver' },
    ],
  });
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    must<Person>(core, 'people:create', {
      name,
      jobRole: 'Ward Manager',
      team: 'Ward 5',
      organisation: 'The Trust',
      employmentType: 'permanent',
      ...extra,
    });
  const requests = (personId: string) =>
    must<AccessRequest[]>(core, 'requests:list', { view: 'all', personId });
  return { core, person, requests };
}

describe('an ESR starter gets their position’s access proposed (issue 13 §2)', () => {
  it('raises one request per proposed account, each waiting for REG-2, and one authorisation covers the set', async () => {
    const { core, requests } = await trust();
    await must(core, 'esr:import', {
      fileName: 'esr.csv',
      content:
        'Change Type,Employee Number,Name,Job Title,Team,Line Manager Employee Number,Effective Date,Employment Type\n' +
        'Starter,E1000,Sam Patel,Ward Manager,Ward 5,E0001,01/12/2026,Permanent\n',
    });
    const [change] = await must<EsrChange[]>(core, 'esr:list', {});
    const { summary } = await must<{ summary: string }>(core, 'esr:accept', { id: change!.id });
    expect(summary).toMatch(
      /Its access profiles propose ELFT Learning Academy \(Learner\), ELFT Network Access \(Standard user\), HealthRoster \(Roster approver\), RiO \(Clinician\): one request each waits for the line manager’s authorisation \(REG-2\)/,
    );
    const sam = (await must<{ results: { id: string }[] }>(core, 'people:search', { query: 'E1000' }))
      .results[0]!;
    const raised = await requests(sam.id);
    expect(raised.map((r) => [r.systemName, r.role, r.state, r.reference]).sort()).toEqual([
      ['ELFT Learning Academy', 'Learner', 'awaiting-authorisation', 'ESR-E1000'],
      ['ELFT Network Access', 'Standard user', 'awaiting-authorisation', 'ESR-E1000'],
      ['Electronic Staff Record (ESR)', 'Employee Self Service', 'awaiting-authorisation', 'ESR-E1000'],
      ['HealthRoster', 'Roster approver', 'awaiting-authorisation', 'ESR-E1000'],
      ['RiO', 'Clinician', 'awaiting-authorisation', 'ESR-E1000'],
    ]);
    expect(raised.find((r) => r.systemId === 'rio')!.purpose).toMatch(
      /New starter from 2026-12-01 \(ESR change feed\)\. Proposed by the profile for Ward Manager \(matched on job role\)/,
    );

    const all = await must<{ requests: AccessRequest[] }>(core, 'requests:authoriseAll', {
      ids: raised.map((r) => r.id),
      authorisation: AUTH,
    });
    expect(all.requests.map((r) => [r.systemId, r.state, r.authorisation?.by])).toEqual(
      raised.map((r) => [r.systemId, 'ready', 'Ngozi Okafor']),
    );
    expect(await must<Task[]>(core, 'tasks:list', { state: 'open' })).toHaveLength(5);
    const events = await must<{ events: { action: string; instructedBy: string | null }[] }>(
      core,
      'audit:list',
      {
        action: 'request.authorised-together',
      },
    );
    expect(events.events).toEqual([expect.objectContaining({ instructedBy: 'Ngozi Okafor' })]);
  });
});

describe('a person added by hand (issue 13 §2)', () => {
  it('gets the same requests; raising again skips what is already asked for', async () => {
    const { core, person } = await trust();
    const lee = await person('Lee Chan');
    const first = await must<Raised>(core, 'profiles:raiseRequests', {
      personId: lee.id,
      reference: 'SD-77',
    });
    expect(first.raised.map((r) => [r.systemId, r.state])).toEqual([
      ['learning-academy', 'awaiting-authorisation'],
      ['network', 'awaiting-authorisation'],
      ['healthroster', 'awaiting-authorisation'],
      ['rio', 'awaiting-authorisation'],
    ]);
    const again = await must<Raised>(core, 'profiles:raiseRequests', {
      personId: lee.id,
      reference: 'SD-78',
    });
    expect(again.raised).toEqual([]);
    expect(again.skipped).toContain('RiO (Clinician): request SD-77 is already open.');
  });

  it('waits for prerequisites after authorisation where the role needs them (REG-8)', async () => {
    const { core, person } = await trust();
    await must(core, 'profiles:save', {
      position: { jobRole: 'Ward Manager', team: 'Ward 5', directorate: null, organisation: null },
      accounts: [{ systemId: 'esr', role: 'Manager Self Service' }],
    });
    const kim = await person('Kim Ode');
    const { raised } = await must<Raised>(core, 'profiles:raiseRequests', {
      personId: kim.id,
      reference: 'SD-9',
    });
    const esr = raised.find((r) => r.systemId === 'esr')!;
    const { requests } = await must<{ requests: AccessRequest[] }>(core, 'requests:authoriseAll', {
      ids: [esr.id],
      authorisation: AUTH,
    });
    expect(requests[0]).toMatchObject({
      state: 'awaiting-prerequisites',
      blockers: expect.arrayContaining([expect.stringMatching(/REG-8/)]),
    });
  });

  it('refuses, with the rules’ own sentences, what a hand-made request would be refused (REG-3, REG-4, REG-9, REG-10)', async () => {
    const { core, person } = await trust();
    await must(core, 'profiles:save', {
      position: { jobRole: 'Ward Manager', team: 'Ward 5', directorate: null, organisation: null },
      accounts: [
        { systemId: 'connecting-care', role: 'Clinical user', purposeKind: 'secondary-use' },
        { systemId: 'trac', role: 'Recruiting manager' },
        { systemId: 'oracle', role: 'Approver' },
      ],
    });
    // REG-3: the catalogue no longer offers the role the profile names.
    await must(core, 'catalogue:update', {
      id: 'trac',
      changes: { roles: [{ name: 'Recruitment administrator', prerequisites: [] }] },
    });
    // REG-10: the organisation has used its Oracle licences.
    await must(core, 'catalogue:update', {
      id: 'oracle',
      changes: { licenceAllocations: [{ organisation: 'The Trust', year: 2026, allocation: 0 }] },
    });
    const max = await person('Max Roy');
    // REG-4: already holds RiO, with another role.
    giveAccount(core, max.id, 'rio', 'Read only');
    const result = await must<Raised>(core, 'profiles:raiseRequests', {
      personId: max.id,
      reference: 'SD-5',
    });
    const hand = async (systemId: string, role: string, purposeKind = 'administration') => {
      const r = await core.call('requests:create', {
        type: 'new-user',
        reference: 'SD-H',
        personId: max.id,
        systemId,
        role,
        purpose: 'By hand',
        purposeKind,
      });
      return r.ok ? 'raised' : r.error.message;
    };
    expect(result.refused).toEqual([
      `Connecting Care (Clinical user): ${await hand('connecting-care', 'Clinical user', 'secondary-use')}`,
      `Oracle (Approver): ${await hand('oracle', 'Approver')}`,
      `RiO (Clinician): ${await hand('rio', 'Clinician', 'direct-care')}`,
      `TRAC (Recruiting manager): ${await hand('trac', 'Recruiting manager')}`,
    ]);
    expect(result.refused.join(' ')).toMatch(/REG-9.*REG-10.*REG-4.*REG-3/);
    expect(result.raised.map((r) => r.systemId)).toEqual(['learning-academy', 'network', 'healthroster']);
  });

  it('records one authorisation for one person only, and all or nothing', async () => {
    const { core, person, requests } = await trust();
    const a = await person('Ann Lee');
    const b = await person('Bob Lee');
    await must(core, 'profiles:raiseRequests', { personId: a.id, reference: 'SD-1' });
    await must(core, 'profiles:raiseRequests', { personId: b.id, reference: 'SD-2' });
    const [ra, rb] = [await requests(a.id), await requests(b.id)];
    expect(
      await core.call('requests:authoriseAll', { ids: [ra[0]!.id, rb[0]!.id], authorisation: AUTH }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/same person/) } });
    await must(core, 'requests:close', {
      id: ra[1]!.id,
      outcome: 'withdrawn',
      reason: 'Not needed after all',
    });
    const mixed = await core.call('requests:authoriseAll', { ids: ra.map((r) => r.id), authorisation: AUTH });
    expect(mixed).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Nothing was authorised/) },
    });
    expect((await requests(a.id)).filter((r) => r.authorisation !== null)).toEqual([]);
  });
});

describe('outside profile and movers (issue 13 §2)', () => {
  it('lists accounts no profile of the position explains, and a mover’s proposed review', async () => {
    const { core, person } = await trust();
    const ola = await person('Ola Ade');
    giveAccount(core, ola.id, 'network', 'Standard user');
    giveAccount(core, ola.id, 'rio', 'Clinician');
    giveAccount(core, ola.id, 'oracle', 'Approver');
    const view = await must<{ proposed: ProposedAccount[]; outside: OutsideProfile[] }>(
      core,
      'profiles:forPerson',
      {
        personId: ola.id,
      },
    );
    expect(view.proposed.map((p) => p.systemId)).toEqual([
      'learning-academy',
      'network',
      'healthroster',
      'rio',
    ]);
    expect(view.outside).toEqual([
      expect.objectContaining({
        systemName: 'Oracle',
        reason: 'No access profile of their position proposes Oracle.',
      }),
    ]);
    const report = await must<{ rows: unknown[][]; notes: string[] }>(core, 'reports:run', {
      name: 'outside-profile',
      month: testDate().slice(0, 7),
    });
    expect(report.rows).toEqual([
      [
        'No line manager recorded',
        'Ola Ade',
        null,
        'Ward 5',
        'Oracle',
        'Approver',
        expect.stringMatching(/No access profile/),
      ],
    ]);
    expect(report.notes[0]).toMatch(
      /1 account held by 1 person is not explained by any of the 2 access profiles/,
    );
    const items = await must<MoverItem[]>(core, 'profiles:moverDifference', {
      personId: ola.id,
      changes: { jobRole: 'Staff Nurse' },
    });
    expect(items.map((i) => [i.systemName, i.action])).toEqual([
      ['ELFT Learning Academy', 'add'],
      ['ELFT Network Access', 'keep'],
      ['Oracle', 'keep'],
      ['RiO', 'remove'],
    ]);
  });
});

describe('an ESR mover gets the new position’s accounts requested (issue 13 §2)', () => {
  it('raises each "add" as a request waiting for REG-2, lists what the rules refuse, and leaves the rest to the review (CHG-1, CHG-2)', async () => {
    const { core, person, requests } = await trust();
    await must(core, 'profiles:save', {
      position: { jobRole: 'Staff Nurse', team: null, directorate: null, organisation: null },
      accounts: [
        { systemId: 'rio', role: 'Read only' },
        { systemId: 'esr', role: 'Manager Self Service' },
        { systemId: 'connecting-care', role: 'Clinical user', purposeKind: 'secondary-use' },
        { systemId: 'trac', role: 'Recruiting manager' },
        { systemId: 'oracle', role: 'Approver' },
      ],
    });
    // REG-3: the catalogue no longer offers the role the profile names; REG-10: no Oracle licences left.
    await must(core, 'catalogue:update', {
      id: 'trac',
      changes: { roles: [{ name: 'Recruitment administrator', prerequisites: [] }] },
    });
    await must(core, 'catalogue:update', {
      id: 'oracle',
      changes: { licenceAllocations: [{ organisation: 'The Trust', year: 2026, allocation: 0 }] },
    });
    const kofi = await person('Kofi Boateng', { employeeNumber: 'E2000' });
    const network = giveAccount(core, kofi.id, 'network', 'Standard user');
    const rio = giveAccount(core, kofi.id, 'rio', 'Clinician');
    const roster = giveAccount(core, kofi.id, 'healthroster', 'Roster approver');
    await must(core, 'esr:import', {
      fileName: 'esr.csv',
      content:
        'Change Type,Employee Number,Name,Job Title,Team,Line Manager Employee Number,Effective Date,Employment Type\n' +
        'Mover,E2000,,Staff Nurse,Ward 5,E0001,01/12/2026,\n',
    });
    const [change] = await must<EsrChange[]>(core, 'esr:list', {});
    const { summary, proposals } = await must<{ summary: string; proposals: string }>(core, 'esr:accept', {
      id: change!.id,
      review: {
        authorisation: AUTH,
        decisions: [
          { accountId: network, decision: 'keep' },
          { accountId: rio, decision: 'change-role', newRole: 'Read only' },
          { accountId: roster, decision: 'remove' },
        ],
      },
    });
    const hand = async (systemId: string, role: string, purposeKind = 'administration') => {
      const r = await core.call('requests:create', {
        type: 'new-user',
        reference: 'SD-H',
        personId: kofi.id,
        systemId,
        role,
        purpose: 'By hand',
        purposeKind,
      });
      return r.ok ? 'raised' : r.error.message;
    };
    expect(summary).toBe(
      'Kofi Boateng’s move is recorded and each of their accounts reviewed (CHG-1, CHG-2).' +
        ' The new position’s access profiles add Electronic Staff Record (ESR) (Manager Self Service), ELFT Learning Academy (Learner): one request each waits for the line manager’s authorisation (REG-2).' +
        ` Not raised: Connecting Care (Clinical user): ${await hand('connecting-care', 'Clinical user', 'secondary-use')}` +
        ` Oracle (Approver): ${await hand('oracle', 'Approver')}` +
        ` TRAC (Recruiting manager): ${await hand('trac', 'Recruiting manager')}`,
    );
    expect(summary).toMatch(/REG-9.*REG-10.*REG-3/);
    expect(summary.endsWith(` ${proposals}`)).toBe(true);
    expect(proposals).toMatch(/^The new position’s access profiles add /);

    // Only the adds are requested: RiO's new role and HealthRoster's removal stay the review's (CHG-2).
    const raised = await requests(kofi.id);
    expect(raised.map((r) => [r.type, r.systemId, r.role, r.state, r.reference]).sort()).toEqual([
      ['new-user', 'esr', 'Manager Self Service', 'awaiting-authorisation', 'ESR-E2000'],
      ['new-user', 'learning-academy', 'Learner', 'awaiting-authorisation', 'ESR-E2000'],
    ]);
    expect(raised.find((r) => r.systemId === 'esr')!.purpose).toMatch(
      /^New position from 2026-12-01 \(ESR change feed\)\. Proposed by the profile for Staff Nurse/,
    );
    const after = await must<{ person: Person }>(core, 'people:get', { id: kofi.id });
    expect(after.person.accounts.map((a) => [a.systemId, a.role, a.status]).sort()).toEqual([
      ['healthroster', 'Roster approver', 'deleted'],
      ['network', 'Standard user', 'active'],
      ['rio', 'Clinician', 'active'],
    ]);
    const tasks = await must<Task[]>(core, 'tasks:list', { state: 'open' });
    expect(tasks.map((t) => [t.action, t.systemName])).toContainEqual(['change-role', 'RiO']);

    // The line manager's authorisation is still to come (REG-2); then ESR's prerequisites (REG-8).
    const { requests: authorised } = await must<{ requests: AccessRequest[] }>(
      core,
      'requests:authoriseAll',
      { ids: raised.map((r) => r.id), authorisation: AUTH },
    );
    expect(authorised.map((r) => [r.systemId, r.state]).sort()).toEqual([
      ['esr', 'awaiting-prerequisites'],
      ['learning-academy', 'ready'],
    ]);
  });
});
