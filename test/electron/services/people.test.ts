import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../shared/model';
import type { Person, PersonSummary } from '../../../shared/register';
import type { Core } from '../../../electron/core';
import { refreshSearchTerms } from '../../../electron/store/people-queries';
import { storePaths } from '../../../electron/store/paths';
import { activeAdminCore, must, tempDir } from '../../support/temp-core';

const add = (core: Core, person: Record<string, unknown>) =>
  must<Person>(core, 'people:create', { employmentType: 'permanent', ...person });
const search = async (core: Core, query: string) =>
  (await must<{ results: PersonSummary[] }>(core, 'people:search', { query })).results.map((p) => p.name);

describe('the register', () => {
  it('needs a finishing date for temporary, fixed-term and agency staff (REG-11)', async () => {
    const core = await activeAdminCore();
    for (const employmentType of ['temporary', 'fixed-term', 'agency']) {
      const result = await core.call('people:create', { name: 'Tam Temp', employmentType });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/finishing date \(REG-11\)/) },
      });
    }
    expect(
      (await add(core, { name: 'Tam Temp', employmentType: 'temporary', finishingDate: '2027-03-31' }))
        .finishingDate,
    ).toBe('2027-03-31');
    expect((await add(core, { name: 'Bea Bank', employmentType: 'bank' })).finishingDate).toBeNull();
    core.close();
  });

  it('finds people by name prefix, employee number, smartcard UUID and username, ignoring accents', async () => {
    const core = await activeAdminCore();
    const siobhan = await add(core, {
      name: 'Siobhán O’Neill',
      employeeNumber: '20481234',
      smartcardUuid: '555512345678',
    });
    await add(core, { name: 'Simon Okafor', employeeNumber: '20489999' });
    const db = core.session.store!.db;
    db.prepare(
      `INSERT INTO accounts (id, person_id, system_id, role, kind, username, status, created_at) VALUES (?, ?, 'rio', 'Clinician', 'normal', 'soneill2', 'active', '2026-01-01')`,
    ).run(randomUUID(), siobhan.id);
    refreshSearchTerms(db, siobhan.id);
    expect(await search(core, 'siobhan')).toEqual(['Siobhán O’Neill']);
    expect(await search(core, 'si o')).toEqual(['Simon Okafor', 'Siobhán O’Neill']);
    expect(await search(core, '2048123')).toEqual(['Siobhán O’Neill']);
    expect(await search(core, '555512345678')).toEqual(['Siobhán O’Neill']);
    expect(await search(core, 'soneill2')).toEqual(['Siobhán O’Neill']);
    expect(await search(core, '"; DROP TABLE people; --')).toEqual([]);
    core.close();
  });

  it('records every view of a person’s record (USE-3) and keeps views out of the person’s history', async () => {
    const core = await activeAdminCore();
    const person = await add(core, { name: 'Vera Viewed' });
    await must(core, 'people:update', {
      id: person.id,
      changes: { team: 'Crisis Team' },
      reason: 'Moved teams',
    });
    const first = await must<{ history: AuditEvent[] }>(core, 'people:get', { id: person.id });
    await must(core, 'people:get', { id: person.id });
    const views = (await must<{ events: AuditEvent[] }>(core, 'audit:list', { action: 'person.viewed' }))
      .events;
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ subjectLabel: 'Vera Viewed', operatorName: 'Ada Administrator' });
    expect(first.history.map((e) => e.action)).toEqual(['person.updated', 'person.added']);
    expect(first.history[0]).toMatchObject({
      before: { team: null },
      after: { team: 'Crisis Team' },
      reason: 'Moved teams',
    });
    core.close();
  });

  it('records a view only in the name of the operator the window was opened for (USE-3)', async () => {
    const core = await activeAdminCore();
    const person = await add(core, { name: 'Vera Viewed' });
    const someoneElse = randomUUID();
    expect(await core.call('people:get', { id: person.id, viewer: someoneElse })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Another operator has signed in/) },
    });
    const views = async () =>
      (await must<{ events: AuditEvent[] }>(core, 'audit:list', { action: 'person.viewed' })).events;
    expect(await views()).toEqual([]);
    await must(core, 'people:get', { id: person.id, viewer: core.session.operator!.id });
    expect(await views()).toMatchObject([{ operatorName: 'Ada Administrator', subjectLabel: 'Vera Viewed' }]);
    core.close();
  });

  it('refuses a duplicate employee number or smartcard UUID, naming who holds it', async () => {
    const core = await activeAdminCore();
    await add(core, { name: 'First Holder', employeeNumber: '111', smartcardUuid: '100000000001' });
    expect(
      await core.call('people:create', {
        name: 'Second Person',
        employmentType: 'permanent',
        employeeNumber: '111',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Employee number 111 already belongs to First Holder.' },
    });
    expect(
      await core.call('people:create', {
        name: 'Second Person',
        employmentType: 'permanent',
        smartcardUuid: '12345',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/12-digit number/) },
    });
    core.close();
  });

  it('keeps people, accounts and the search index encrypted on disk', async () => {
    const dir = tempDir();
    const core = await activeAdminCore(dir);
    await add(core, { name: 'Quintessa Plaintextova', employeeNumber: '99887766' });
    const paths = storePaths(dir);
    for (const file of [paths.database, `${paths.database}-wal`]) {
      const bytes = readFileSync(file);
      expect(bytes.includes('Quintessa')).toBe(false);
      expect(bytes.includes('quintessa')).toBe(false);
      expect(bytes.includes('99887766')).toBe(false);
    }
    core.close();
  });
});
