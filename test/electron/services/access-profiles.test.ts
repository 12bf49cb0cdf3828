import { describe, expect, it } from 'vitest';
import type { AccessProfile } from '../../../shared/access-profiles';
import type { AuditEvent, Operator } from '../../../shared/model';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must, newCore, tempDir } from '../../support/temp-core';

const CPN = {
  position: {
    jobRole: 'Community Psychiatric Nurse',
    team: null,
    directorate: 'Mental Health Services',
    organisation: null,
  },
  accounts: [
    { systemId: 'rio', role: 'Clinician' },
    { systemId: 'healthroster', role: 'Employee online' },
    { systemId: 'network', role: 'Standard user' },
    { systemId: 'learning-academy', role: 'Learner' },
  ],
};

async function trust(dir = tempDir()) {
  const core = await activeAdminCore(dir);
  const nurse = (name: string, team: string, directorate = 'Mental Health Services') =>
    must<Person>(core, 'people:create', {
      name,
      jobRole: 'community psychiatric nurse',
      team,
      directorate,
      employmentType: 'permanent',
    });
  const ana = await nurse('Ana Silva', 'Crisis Team');
  const ben = await nurse('Ben Ode', 'Home Treatment');
  await nurse('Cal Reyes', 'Crisis Team', 'Community Health');
  for (const [system, role] of [
    ['rio', 'Clinician'],
    ['healthroster', 'Employee online'],
    ['network', 'Standard user'],
    ['learning-academy', 'Learner'],
  ] as const)
    giveAccount(core, ana.id, system, role);
  giveAccount(core, ben.id, 'rio', 'Read only');
  return { core, ana, ben };
}

const audit = async (core: Awaited<ReturnType<typeof trust>>['core'], action: string) =>
  (await must<{ events: AuditEvent[] }>(core, 'audit:list', { action })).events;

describe('access profiles (issue 13 §1)', () => {
  it('tries a profile against the register before saving: who matches, who lacks what it proposes', async () => {
    const { core } = await trust();
    const tried = await must<{
      matching: number;
      lacking: number;
      sample: { name: string; lacks: string[] }[];
    }>(core, 'profiles:try', CPN);
    expect(tried).toMatchObject({ matching: 2, lacking: 1 });
    expect(tried.sample).toEqual([
      expect.objectContaining({
        name: 'Ben Ode',
        lacks: [
          'RiO (Clinician)',
          'HealthRoster (Employee online)',
          'ELFT Network Access (Standard user)',
          'ELFT Learning Academy (Learner)',
        ],
      }),
    ]);
    // Trying saves nothing.
    expect(await must<AccessProfile[]>(core, 'profiles:list')).toEqual([]);
  });

  it('flags nothing as outside profile, and proposes no review, while the Trust keeps no profiles', async () => {
    const { core, ana } = await trust();
    expect(await must(core, 'profiles:forPerson', { personId: ana.id })).toEqual({
      profiles: 0,
      proposed: [],
      outside: [],
    });
    expect(
      await must(core, 'profiles:moverDifference', { personId: ana.id, changes: { team: 'Ward 1' } }),
    ).toEqual([]);
    await must(core, 'profiles:save', { ...CPN, accounts: [{ systemId: 'rio', role: 'Clinician' }] });
    expect(await must(core, 'profiles:forPerson', { personId: ana.id })).toMatchObject({
      profiles: 1,
      outside: [
        expect.objectContaining({ systemName: 'HealthRoster' }),
        expect.objectContaining({ systemName: 'ELFT Network Access' }),
        expect.objectContaining({ systemName: 'ELFT Learning Academy' }),
      ],
    });
  });

  it('saves, changes and removes a profile, auditing each with before and after', async () => {
    const { core } = await trust();
    const saved = await must<AccessProfile>(core, 'profiles:save', CPN);
    expect(saved.accounts.map((a) => [a.systemName, a.role, a.purposeKind])).toEqual([
      ['RiO', 'Clinician', 'direct-care'],
      ['HealthRoster', 'Employee online', 'administration'],
      ['ELFT Network Access', 'Standard user', 'administration'],
      ['ELFT Learning Academy', 'Learner', 'administration'],
    ]);
    const changed = await must<AccessProfile>(core, 'profiles:save', {
      ...CPN,
      id: saved.id,
      accounts: [{ systemId: 'rio', role: 'Read only' }],
    });
    expect(changed.accounts.map((a) => a.role)).toEqual(['Read only']);
    const [second, first] = await audit(core, 'profile.saved');
    expect(first).toMatchObject({
      before: null,
      after: { position: 'Community Psychiatric Nurse · Mental Health Services' },
    });
    expect(second).toMatchObject({
      before: { accounts: expect.arrayContaining(['RiO: Clinician (direct-care)']) },
      after: { accounts: ['RiO: Read only (direct-care)'] },
    });
    // The same position again is one profile: a second one is refused.
    expect(
      await core.call('profiles:save', {
        ...CPN,
        position: { ...CPN.position, jobRole: ' COMMUNITY psychiatric nurse' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/already a profile for Community Psychiatric Nurse/),
      },
    });
    expect(await must(core, 'profiles:delete', { id: saved.id })).toEqual({
      summary: 'The profile for Community Psychiatric Nurse · Mental Health Services is removed.',
    });
    expect(await must<AccessProfile[]>(core, 'profiles:list')).toEqual([]);
    expect((await audit(core, 'profile.deleted'))[0]).toMatchObject({
      before: { accounts: ['RiO: Read only (direct-care)'] },
    });
  });

  it('refuses a role the system does not offer (REG-3) and a system named twice (REG-4)', async () => {
    const { core } = await trust();
    expect(
      await core.call('profiles:save', { ...CPN, accounts: [{ systemId: 'rio', role: 'Surgeon' }] }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED_BY_POLICY',
        message: expect.stringMatching(/RiO does not offer the role "Surgeon" \(REG-3\)/),
      },
    });
    expect(
      await core.call('profiles:save', {
        ...CPN,
        accounts: [
          { systemId: 'rio', role: 'Clinician' },
          { systemId: 'rio', role: 'Read only' },
        ],
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/names RiO twice.*REG-4/) } });
  });

  it('lets only the administrators of every system on a profile change it', async () => {
    const dir = tempDir();
    const { core } = await trust(dir);
    await must<Operator>(core, 'operators:add', {
      name: 'Rhiannon Rio',
      passphrase: 'clinical systems every day',
      role: 'administrator',
      systems: ['rio'],
    });
    core.close();
    const rioAdmin = newCore(dir);
    await must(rioAdmin, 'session:signIn', {
      name: 'Rhiannon Rio',
      passphrase: 'clinical systems every day',
    });
    await must(rioAdmin, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    expect(await rioAdmin.call('profiles:save', CPN)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/HealthRoster is not among them/) },
    });
    expect(
      await rioAdmin.call('profiles:save', { ...CPN, accounts: [{ systemId: 'rio', role: 'Clinician' }] }),
    ).toMatchObject({ ok: true });
  });

  it('imports a spreadsheet all or nothing, with each problem on its line, and exports what it reads', async () => {
    const { core } = await trust();
    const header = 'Job role,Team,Directorate,Organisation,System,Role\n';
    const bad =
      header +
      'Community Psychiatric Nurse,,Mental Health Services,,RiO,Clinician\n' +
      'Community Psychiatric Nurse,,Mental Health Services,,Rio2,Clinician\n' +
      ',,,,ELFT Learning Academy,Teacher\n' +
      'Community Psychiatric Nurse,,Mental Health Services,,rio,Read only\n';
    const refused = await core.call('profiles:import', { fileName: 'profiles.csv', content: bad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toMatch(/nothing changed/);
    expect(message).toMatch(/Line 3: "Rio2" is not a system in the catalogue/);
    expect(message).toMatch(/Line 4: ELFT Learning Academy does not offer the role "Teacher" \(REG-3\)/);
    expect(message).toMatch(/Line 5: the profile for .* already names RiO on line 2.*REG-4/);
    expect(await must<AccessProfile[]>(core, 'profiles:list')).toEqual([]);

    const good =
      header +
      'Community Psychiatric Nurse,,Mental Health Services,,RiO,Clinician\n' +
      'Community Psychiatric Nurse,,Mental Health Services,,healthroster,Employee online\n' +
      ',,,,ELFT Learning Academy,Learner\n';
    expect(await must(core, 'profiles:import', { fileName: 'profiles.csv', content: good })).toEqual({
      added: 2,
      replaced: 0,
      unchanged: 0,
    });
    const exported = await must<{ content: string; rows: number }>(core, 'profiles:export');
    expect(exported.rows).toBe(3);
    expect(exported.content.split('\r\n')).toEqual([
      '\uFEFFJob role,Team,Directorate,Organisation,System,Role,Purpose',
      'Community Psychiatric Nurse,,Mental Health Services,,RiO,Clinician,direct-care',
      'Community Psychiatric Nurse,,Mental Health Services,,HealthRoster,Employee online,administration',
      ',,,,ELFT Learning Academy,Learner,administration',
      '',
    ]);
    // Its own export reads back as the same profiles: nothing to change.
    expect(await must(core, 'profiles:import', { fileName: 'again.csv', content: exported.content })).toEqual(
      {
        added: 0,
        replaced: 0,
        unchanged: 2,
      },
    );
  });
});
