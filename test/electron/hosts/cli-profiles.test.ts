import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../shared/requests';
import { giveAccount } from '../../support/register-fixtures';
import { initStore, runGatehouse } from '../../support/run-cli';
import { testDate } from '../../support/test-clock';
import { must, signedInCore, tempDir } from '../../support/temp-core';

const HEADER = 'Job role,Team,Directorate,Organisation,System,Role\n';

describe('gatehouse profiles import|export (issue 13 §4)', () => {
  it('imports a spreadsheet, refuses a bad one naming its lines, and exports what it holds', () => {
    const dir = tempDir();
    const as = initStore(dir);
    const good = join(dir, 'profiles.csv');
    writeFileSync(
      good,
      HEADER +
        'Ward Manager,,,,RiO,Clinician\nWard Manager,,,,HealthRoster,Roster approver\n,,,,network,Standard user\n',
    );
    expect(runGatehouse(['profiles', 'import', '--file', good, ...as])).toMatchObject({
      code: 0,
      stdout: `Imported ${good}: 2 profiles added, 0 replaced, 0 unchanged.\n`,
    });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, HEADER + 'Ward Manager,,,,RiO,Surgeon\n');
    expect(runGatehouse(['profiles', 'import', '--file', bad, ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Line 2: RiO does not offer the role "Surgeon" (REG-3)'),
    });
    const out = join(dir, 'out.csv');
    expect(runGatehouse(['profiles', 'export', '--file', out, ...as])).toMatchObject({
      code: 0,
      stdout: `Wrote 3 profile rows to ${out}.\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe(
      '\uFEFFJob role,Team,Directorate,Organisation,System,Role,Purpose\r\n' +
        'Ward Manager,,,,RiO,Clinician,direct-care\r\n' +
        'Ward Manager,,,,HealthRoster,Roster approver,administration\r\n' +
        ',,,,ELFT Network Access,Standard user,administration\r\n',
    );
    expect(runGatehouse(['profiles', 'export', '--file', out, ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('already exists'),
    });
  });
});

describe('gatehouse requests list', () => {
  it('lists one person’s requests by employee number, as text or JSON', async () => {
    const dir = tempDir();
    const as = initStore(dir);
    const core = await signedInCore(join(dir, 'store'), {
      name: 'Ada Admin',
      passphrase: 'lantern orchard quietly 42',
    });
    const sam = await must<{ id: string }>(core, 'people:create', {
      name: 'Sam Patel',
      employeeNumber: 'E100',
      jobRole: 'Ward Manager',
      employmentType: 'permanent',
    });
    await must(core, 'people:create', {
      name: 'Lee Chan',
      employeeNumber: 'E200',
      employmentType: 'permanent',
    });
    await must(core, 'profiles:save', {
      position: { jobRole: 'Ward Manager', team: null, directorate: null, organisation: null },
      accounts: [{ systemId: 'rio', role: 'Clinician' }],
    });
    await must(core, 'profiles:raiseRequests', { personId: sam.id, reference: 'SD-42' });
    core.close();

    const text = runGatehouse(['requests', 'list', '--person', 'E100', ...as]);
    expect(text).toMatchObject({ code: 0 });
    expect(text.stdout).toContain('SD-42\tSam Patel\tRiO\tClinician\tawaiting-authorisation');
    const json = runGatehouse(['requests', 'list', '--person', 'E100', '--json', ...as]);
    expect(
      (JSON.parse(json.stdout) as AccessRequest[]).map((r) => [r.reference, r.systemId, r.state]),
    ).toEqual([['SD-42', 'rio', 'awaiting-authorisation']]);
    expect(runGatehouse(['requests', 'list', '--person', 'E200', ...as]).stdout).toBe(
      'No open requests for E200.\n',
    );
    expect(runGatehouse(['requests', 'list', '--person', 'E999', ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No one in the register has employee number E999'),
    });
  });
});

describe('gatehouse review start|status (issue 13 §3)', () => {
  it('starts a Trust-wide review, refuses a second while it is open, and reports progress', async () => {
    const dir = tempDir();
    const as = initStore(dir);
    const core = await signedInCore(join(dir, 'store'), {
      name: 'Ada Admin',
      passphrase: 'lantern orchard quietly 42',
    });
    const ngozi = await must<{ id: string }>(core, 'people:create', {
      name: 'Ngozi Okafor',
      employmentType: 'permanent',
    });
    const sam = await must<{ id: string }>(core, 'people:create', {
      name: 'Sam Patel',
      employmentType: 'permanent',
      lineManagerId: ngozi.id,
    });
    giveAccount(core, sam.id, 'rio', 'Clinician');
    core.close();

    expect(runGatehouse(['review', 'start', '--scope', 'trust', '--due', testDate(14), ...as])).toMatchObject(
      {
        code: 0,
        stdout: `Started the access review of the whole Trust, due ${testDate(14)}: 1 account for 1 line manager.\n`,
      },
    );
    expect(runGatehouse(['review', 'start', '--scope', 'trust', '--due', testDate(14), ...as])).toMatchObject(
      {
        code: 2,
        stderr: expect.stringContaining('already open'),
      },
    );
    expect(runGatehouse(['review', 'start', '--scope', 'ward', '--due', testDate(14), ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--scope is trust, system:SYSTEM_ID or team:TEAM'),
    });
    const json = JSON.parse(runGatehouse(['review', 'status', '--json', ...as]).stdout) as {
      id: string;
      items: number;
    }[];
    expect(runGatehouse(['review', 'status', ...as]).stdout).toBe(
      `the whole Trust: open, due ${testDate(14)}; 0 of 1 account answered (--campaign ${json[0]!.id}).\n`,
    );
    expect(json).toMatchObject([{ items: 1, managers: [{ managerName: 'Ngozi Okafor' }] }]);
  });
});
