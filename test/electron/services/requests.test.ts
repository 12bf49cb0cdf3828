import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/register';
import type { AccessRequest, Task } from '../../../shared/requests';
import type { Core } from '../../../electron/core';
import { ADMIN, TestClock, activeAdminCore, must, tempDir } from '../../support/temp-core';

type Created = { request: AccessRequest; warnings: string[] };
const AUTH = { by: 'Ngozi Okafor', on: '2026-11-23', how: 'email' as const };
const SET_UP = {
  username: 'spatel',
  trainingArranged: true,
  loginDetailsIssued: true,
  firstLoginChangeSet: true,
};

async function trust(clock = new TestClock(new Date('2026-11-23T09:00:00Z'))) {
  const core = await activeAdminCore(tempDir(), clock);
  const sam = await must<Person>(core, 'people:create', {
    name: 'Sam Patel',
    employmentType: 'permanent',
    organisation: 'The Trust',
    smartcardUuid: '700000000001',
  });
  return { core, sam, clock };
}

const newRio = (sam: Person, extra: Record<string, unknown> = {}) => ({
  type: 'new-user',
  reference: 'SD-1001',
  personId: sam.id,
  systemId: 'rio',
  role: 'Clinician',
  purpose: 'Crisis team caseload',
  purposeKind: 'direct-care',
  authorisation: AUTH,
  ...extra,
});

/** Days pass: the idle lock will have signed the operator out, so sign in again. */
async function daysLater(core: Core, clock: TestClock, days: number) {
  clock.advance(days * 86_400_000);
  core.checkIdle();
  await must(core, 'session:signIn', ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
}

const openTasks = async (core: Core) => must<Task[]>(core, 'tasks:list', { state: 'open' });
const person = async (core: Core, id: string) =>
  (await must<{ person: Person }>(core, 'people:get', { id })).person;

describe('registering a new user, from request to completed task', () => {
  it('raises a task, shows the account pending, and completes with the REG-6 record', async () => {
    const { core, sam } = await trust();
    const { request } = await must<Created>(core, 'requests:create', newRio(sam));
    expect(request).toMatchObject({
      state: 'ready',
      sla: { startedOn: '2026-11-23', targetDue: '2026-11-24', interimDue: '2026-11-26', target: 'on-time' },
    });
    const [task] = await openTasks(core);
    expect(task).toMatchObject({
      description: 'Create a RiO account (Clinician) for Sam Patel',
      systemName: 'RiO',
    });
    expect((await person(core, sam.id)).accounts).toMatchObject([
      { systemName: 'RiO', status: 'pending', role: 'Clinician' },
    ]);

    const untrained = await core.call('tasks:complete', {
      id: task!.id,
      setUp: { ...SET_UP, trainingArranged: false },
    });
    expect(untrained).toMatchObject({
      ok: false,
      error: { code: 'REFUSED_BY_POLICY', message: expect.stringMatching(/training.*\(REG-6\)/) },
    });
    expect(await core.call('tasks:complete', { id: task!.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/REG-6/) },
    });

    await must(core, 'tasks:complete', { id: task!.id, setUp: SET_UP });
    expect((await person(core, sam.id)).accounts).toMatchObject([{ status: 'active', username: 'spatel' }]);
    expect(await must<AccessRequest>(core, 'requests:get', { id: request.id })).toMatchObject({
      state: 'completed',
      sla: { target: 'met' },
    });
    expect(
      (await must<{ results: { name: string }[] }>(core, 'people:search', { query: 'spatel' })).results[0]
        ?.name,
    ).toBe('Sam Patel');
    core.close();
  });

  it('then refuses a second RiO account (REG-4)', async () => {
    const { core, sam } = await trust();
    await must(core, 'requests:create', newRio(sam));
    const again = await core.call('requests:create', newRio(sam, { reference: 'SD-1002' }));
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED_BY_POLICY',
        message: expect.stringMatching(/already has an account on RiO \(REG-4/),
      },
    });
    core.close();
  });
});

describe('requests that wait', () => {
  it('holds an unauthorised request (REG-2) and starts the SLA clock when authorisation is recorded', async () => {
    const { core, sam, clock } = await trust();
    const { request } = await must<Created>(
      core,
      'requests:create',
      newRio(sam, { authorisation: undefined }),
    );
    expect(request).toMatchObject({ state: 'awaiting-authorisation', sla: { target: 'not-started' } });
    expect(request.blockers[0]).toMatch(/REG-2/);
    expect(await openTasks(core)).toEqual([]);
    await daysLater(core, clock, 4); // Friday 27 November
    const { request: authorised } = await must<Created>(core, 'requests:authorise', {
      id: request.id,
      authorisation: AUTH,
    });
    expect(authorised).toMatchObject({
      state: 'ready',
      sla: { startedOn: '2026-11-27', targetDue: '2026-11-30', interimDue: '2026-12-02' },
    });
    await daysLater(core, clock, 4); // Tuesday 1 December: past the target, within the interim standard
    expect((await must<AccessRequest>(core, 'requests:get', { id: request.id })).sla).toMatchObject({
      target: 'breached',
      interim: 'on-time',
    });
    core.close();
  });

  it('holds ESR Manager Self Service until the prerequisites are confirmed (REG-8)', async () => {
    const { core, sam } = await trust();
    const { request } = await must<Created>(core, 'requests:create', {
      ...newRio(sam),
      systemId: 'esr',
      role: 'Manager Self Service',
      prerequisitesMet: ['smartcard'],
    });
    expect(request.state).toBe('awaiting-prerequisites');
    expect(request.blockers.join(' ')).toMatch(/ESR06 User Access Form; ESR Confidentiality Declaration/);
    const { request: ready } = await must<Created>(core, 'requests:confirmPrerequisites', {
      id: request.id,
      prerequisites: ['smartcard', 'esr06-form', 'confidentiality-declaration'],
    });
    expect(ready.state).toBe('ready');
    core.close();
  });

  it('parks a doubtful role with the line manager and resumes with the role they confirm (REG-3)', async () => {
    const { core, sam } = await trust();
    const { request } = await must<Created>(
      core,
      'requests:create',
      newRio(sam, { authorisation: undefined }),
    );
    const referred = await must<AccessRequest>(core, 'requests:refer', {
      id: request.id,
      note: 'Asked whether read-only access is enough',
    });
    expect(referred.state).toBe('referred');
    expect(referred.blockers[0]).toMatch(/Referred to the line manager \(REG-3\): Asked whether/);
    const refused = await core.call('requests:resume', { id: request.id, role: 'Superuser' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'REFUSED_BY_POLICY', message: expect.stringMatching(/REG-3/) },
    });
    const { request: resumed } = await must<Created>(core, 'requests:resume', {
      id: request.id,
      role: 'Read only',
    });
    expect(resumed).toMatchObject({ state: 'awaiting-authorisation', role: 'Read only' });
    core.close();
  });

  it('rejects a ready request and takes back its pending account and task', async () => {
    const { core, sam } = await trust();
    const { request } = await must<Created>(core, 'requests:create', newRio(sam));
    await must(core, 'requests:close', {
      id: request.id,
      outcome: 'rejected',
      reason: 'Duplicate of SD-0999',
    });
    expect(await openTasks(core)).toEqual([]);
    expect((await person(core, sam.id)).accounts.map((a) => a.status)).toEqual(['deleted']);
    core.close();
  });
});

describe('licences and other refusals through the store', () => {
  it('warns at 90% and refuses past the allocation unless an administrator overrides (REG-10)', async () => {
    const { core, sam } = await trust();
    await must(core, 'catalogue:update', {
      id: 'connecting-care',
      changes: { licenceAllocations: [{ organisation: 'The Trust', year: 2026, allocation: 1 }] },
    });
    const cc = { ...newRio(sam), systemId: 'connecting-care', role: 'Clinical user' };
    const other = await must<Person>(core, 'people:create', {
      name: 'Kemi Adeyemi',
      employmentType: 'permanent',
      organisation: 'The Trust',
    });
    const first = await must<Created>(core, 'requests:create', cc);
    expect(first.warnings[0]).toMatch(/will have used 1 of 1/);
    const refused = await core.call('requests:create', { ...cc, reference: 'SD-2', personId: other.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED_BY_POLICY',
        message: expect.stringMatching(/used all 1 Connecting Care licences for 2026 \(REG-10\)/),
      },
    });
    const overridden = await must<Created>(core, 'requests:create', {
      ...cc,
      reference: 'SD-2',
      personId: other.id,
      licenceOverrideReason: 'Agreed by the Caldicott Guardian for ward cover',
    });
    expect(overridden.request.state).toBe('ready');
    core.close();
  });

  it('refuses secondary use of Connecting Care (REG-9) and records nothing', async () => {
    const { core, sam } = await trust();
    const result = await core.call('requests:create', {
      ...newRio(sam),
      systemId: 'connecting-care',
      role: 'Clinical user',
      purposeKind: 'secondary-use',
      purpose: 'Research study',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'REFUSED_BY_POLICY', message: expect.stringMatching(/REG-9/) },
    });
    expect(await must(core, 'requests:list', { view: 'all' })).toEqual([]);
    core.close();
  });

  it('counts Connecting Care’s 5 working days from receipt (REG-7)', async () => {
    const { core, sam } = await trust();
    const { request } = await must<Created>(core, 'requests:create', {
      ...newRio(sam),
      systemId: 'connecting-care',
      role: 'Clinical user',
      receivedAt: '2026-12-22T10:00:00Z',
    });
    expect(request.sla).toMatchObject({ startedOn: '2026-12-22', targetDue: '2026-12-31' });
    core.close();
  });
});
