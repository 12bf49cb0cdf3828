import { describe, expect, it } from 'vitest';
import type { CatalogueSystem } from '../../../shared/catalogue';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../../shared/policy/bank-holidays';
import type { AuditEvent } from '../../../shared/model';
import { activeAdminCore, must, signedInCore, tempDir } from '../../support/temp-core';

const APPENDIX_1_NAMES = [
  'ELFT Network Access',
  'Trust Remote Access Services',
  'Registration Authority',
  'RiO',
  'Data Warehouse',
  'EMIS',
  'SystmOne',
  'ePMA',
  'Thalamos v2',
  'Carepath',
  'IAPTuS',
  'Pathology, Radiology, Acute EPR (8 acute systems)',
  'InPhase',
  'Electronic Staff Record (ESR)',
  'TRAC',
  'Oracle',
  'Foundation Trust DB',
  'ELFT Learning Academy',
  'HealthRoster',
];

describe('the catalogue on first run (CAT-1)', () => {
  it('holds every Appendix 1 system with its administrator, contact route and description, plus Connecting Care', async () => {
    const core = await activeAdminCore();
    const systems = await must<CatalogueSystem[]>(core, 'catalogue:list');
    expect(systems.map((s) => s.name).sort()).toEqual([...APPENDIX_1_NAMES, 'Connecting Care'].sort());
    const rio = systems.find((s) => s.id === 'rio')!;
    expect(rio).toMatchObject({
      administratorTitle: 'Clinical Systems Manager',
      contactRoute: 'via the IT Servicedesk Portal',
      inactivityDays: 90,
      slaTargetDays: 1,
      slaInterimDays: 3,
    });
    expect(rio.description).toMatch(/mental health patient records/);
    core.close();
  });

  it('needs smartcard, ESR06 and confidentiality declaration for ESR core and manager levels, none for Employee Self Service (REG-8)', async () => {
    const core = await activeAdminCore();
    const esr = await must<CatalogueSystem>(core, 'catalogue:get', { id: 'esr' });
    const byName = Object.fromEntries(esr.roles.map((r) => [r.name, r.prerequisites]));
    expect(byName['Employee Self Service']).toEqual([]);
    for (const level of [
      'Manager Self Service',
      'Supervisor Self Service',
      'Administrator Self Service',
      'Core user',
    ]) {
      expect(byName[level], level).toEqual(['smartcard', 'esr06-form', 'confidentiality-declaration']);
    }
    core.close();
  });

  it('forbids deletion on systems holding patient records (DIS-2) and marks Connecting Care direct care only with 5 days (REG-7, REG-9)', async () => {
    const core = await activeAdminCore();
    const systems = await must<CatalogueSystem[]>(core, 'catalogue:list');
    const by = (id: string) => systems.find((s) => s.id === id)!;
    for (const id of ['rio', 'emis', 'systmone', 'epma', 'thalamos', 'iaptus'])
      expect(by(id).deletionAllowed, id).toBe(false);
    expect(by('network').deletionAllowed).toBe(true);
    expect(by('connecting-care')).toMatchObject({
      directCareOnly: true,
      slaTargetDays: 5,
      slaInterimDays: 5,
    });
    expect(systems.filter((s) => s.directCareOnly).map((s) => s.id)).toEqual(['connecting-care']);
    core.close();
  });
});

describe('editing the catalogue', () => {
  it('records where the local procedure is and when it was reviewed, audited with before and after (CAT-2)', async () => {
    const core = await activeAdminCore();
    const updated = await must<CatalogueSystem>(core, 'catalogue:update', {
      id: 'emis',
      changes: {
        procedureLocation: 'Intranet > Clinical Systems > EMIS user management v3',
        procedureReviewedOn: '2026-10-01',
        inactivityDays: 60,
      },
      reason: 'Annual procedure review',
    });
    expect(updated).toMatchObject({ procedureReviewedOn: '2026-10-01', inactivityDays: 60 });
    const [event] = (
      await must<{ events: AuditEvent[] }>(core, 'audit:list', { action: 'catalogue.system-updated' })
    ).events;
    expect(event).toMatchObject({
      subjectLabel: 'EMIS',
      reason: 'Annual procedure review',
      before: { inactivityDays: 90, procedureReviewedOn: null },
      after: { inactivityDays: 60, procedureReviewedOn: '2026-10-01' },
    });
    core.close();
  });

  it('keeps the inactivity period between 30 and 90 days (SUS-2)', async () => {
    const core = await activeAdminCore();
    for (const days of [29, 91]) {
      const result = await core.call('catalogue:update', { id: 'rio', changes: { inactivityDays: days } });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/between 30 and 90 days \(SUS-2\)/) },
      });
    }
    core.close();
  });

  it('refuses an interim standard shorter than the target, a repeated role and an empty role list', async () => {
    const core = await activeAdminCore();
    expect(await core.call('catalogue:update', { id: 'rio', changes: { slaTargetDays: 4 } })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/interim standard/) },
    });
    expect(
      await core.call('catalogue:update', {
        id: 'rio',
        changes: {
          roles: [
            { name: 'Clinician', prerequisites: [] },
            { name: 'clinician', prerequisites: [] },
          ],
        },
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/listed twice/) } });
    expect(await core.call('catalogue:update', { id: 'rio', changes: { roles: [] } })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/REG-3/) },
    });
    core.close();
  });

  it('lets administrators edit and refuses RA officers', async () => {
    const dir = tempDir();
    const admin = await activeAdminCore(dir);
    await must(admin, 'operators:add', {
      name: 'Rae Officer',
      role: 'ra-officer',
      passphrase: 'copper kettle on the hob',
    });
    admin.close();
    const ra = await signedInCore(dir, { name: 'Rae Officer', passphrase: 'copper kettle on the hob' });
    expect(await ra.call('catalogue:list', {})).toMatchObject({ ok: true });
    expect(await ra.call('catalogue:update', { id: 'rio', changes: { inactivityDays: 60 } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    ra.close();
  });
});

describe('bank holidays (REG-7)', () => {
  it('imports the GOV.UK feed, adding only dates it did not have, and audits the import', async () => {
    const core = await activeAdminCore();
    const feed = JSON.stringify({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'New Year’s Day', date: '2027-01-01', notes: '', bunting: true },
          { title: 'New Year’s Day', date: '2028-01-03', notes: 'Substitute day', bunting: true },
        ],
      },
    });
    expect(
      await must(core, 'catalogue:importBankHolidays', { fileName: 'bank-holidays.json', content: feed }),
    ).toEqual({ added: 1, total: ENGLAND_AND_WALES_BANK_HOLIDAYS.length + 1, latest: '2028-01-03' });
    const bad = await core.call('catalogue:importBankHolidays', {
      fileName: 'holidays.csv',
      content: 'date,title',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^holidays.csv: The file is not JSON/) },
    });
    core.close();
  });
});
