import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';

const EXPORT = 'Login,Last Logon\nghost.user,2026-09-01\nnew.starter,2026-11-20\n';

async function trust() {
  const core = await activeAdminCore();
  const sam = await must<Person>(core, 'people:create', { name: 'Sam Patel', employmentType: 'permanent' });
  const ama = await must<Person>(core, 'people:create', { name: 'Ama Mensah', employmentType: 'permanent' });
  giveAccount(core, sam.id, 'rio', 'Clinician');
  await must(core, 'activity:import', { systemId: 'rio', fileName: 'rio.csv', content: EXPORT });
  const resolve = (username: string, resolution: unknown) =>
    core.call('activity:resolveOrphan', { systemId: 'rio', username, resolution });
  const orphans = (show = 'outstanding') =>
    must<{ username: string; state: string }[]>(core, 'activity:orphans', { show });
  return { core, sam, ama, resolve, orphans };
}

describe('orphan accounts', () => {
  it('links an orphan to its holder as a register account, refusing a role the system lacks (REG-3) or a second account (REG-4)', async () => {
    const { core, sam, ama, resolve, orphans } = await trust();
    expect(
      await resolve('new.starter', { action: 'link', personId: ama.id, role: 'Superuser' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED_BY_POLICY',
        message: expect.stringContaining('RiO does not offer the role "Superuser" (REG-3)'),
      },
    });
    expect(
      await resolve('new.starter', { action: 'link', personId: sam.id, role: 'Clinician' }),
    ).toMatchObject({
      ok: false,
      error: {
        message:
          'Sam Patel already has an account on RiO (user-rio) (REG-4: one account per person per system). Raise the removal of new.starter instead.',
      },
    });
    expect(await resolve('new.starter', { action: 'link', personId: ama.id, role: 'Clinician' })).toEqual({
      ok: true,
      value: { summary: 'new.starter on RiO is now Ama Mensah’s Clinician account in the register.' },
    });
    const { person } = await must<{ person: Person }>(core, 'people:get', { id: ama.id });
    expect(person.accounts.map((a) => [a.systemName, a.username, a.status, a.lastActivityAt])).toEqual([
      ['RiO', 'new.starter', 'active', '2026-11-20T00:00:00.000Z'],
    ]);
    expect((await orphans()).map((o) => o.username)).toEqual(['ghost.user']);
    core.close();
  });

  it('raises the removal of an orphan, records it removed, and reopens it if the next export still lists it', async () => {
    const { core, resolve, orphans } = await trust();
    expect(await resolve('ghost.user', { action: 'removed', note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await resolve('ghost.user', { action: 'raise-removal', reason: 'Nobody in the Trust uses this login' });
    expect(await resolve('ghost.user', { action: 'raise-removal', reason: 'again please' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'ghost.user on RiO is already removal raised. Refresh the list to see what is left to do.',
      },
    });
    expect((await orphans()).find((o) => o.username === 'ghost.user')?.state).toBe('removal-raised');
    await resolve('ghost.user', { action: 'removed', note: 'Removed by the RiO team on 2026-11-24' });
    expect((await orphans()).map((o) => o.username)).toEqual(['new.starter']);
    expect((await orphans('all')).find((o) => o.username === 'ghost.user')?.state).toBe('removed');
    await must(core, 'activity:import', { systemId: 'rio', fileName: 'rio-2.csv', content: EXPORT });
    expect((await orphans()).find((o) => o.username === 'ghost.user')?.state).toBe('open');
    core.close();
  });
});
