import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/register';
import { ServiceContext } from '../../../electron/service-context';
import { importActivity } from '../../../electron/services/activity-import';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';

async function trust() {
  const core = await activeAdminCore();
  const sam = await must<Person>(core, 'people:create', { name: 'Sam Patel', employmentType: 'permanent' });
  giveAccount(core, sam.id, 'rio', 'Clinician'); // username user-rio, last activity 2026-11-01
  return { core, ctx: new ServiceContext(core.deps), sam };
}

const lastActivity = (ctx: ServiceContext) =>
  (
    ctx.db().prepare(`SELECT last_activity_at AS at FROM accounts WHERE username = 'user-rio'`).get() as {
      at: string;
    }
  ).at;

describe('last sign-in import (SUS-2)', () => {
  it('updates known usernames, lists unknown ones as orphans, and saves the column names for the system', async () => {
    const { core, ctx } = await trust();
    const file =
      '\uFEFFLogin,Last Logon,Display Name\r\nuser-rio,20/11/2026 14:05,Sam Patel\r\nghost.user,2026-09-01,Unknown\r\nnever.in,,Someone\r\n';
    const result = importActivity(ctx, 'rio', 'rio-logons.csv', file, null);
    expect(result).toMatchObject({
      updated: 1,
      unchanged: 0,
      mapping: { username: 'Login', date: 'Last Logon' },
    });
    expect(result.orphans).toEqual([
      { username: 'ghost.user', lastSignIn: '2026-09-01' },
      { username: 'never.in', lastSignIn: null },
    ]);
    expect(lastActivity(ctx)).toBe('2026-11-20T00:00:00.000Z');
    expect(await must(core, 'activity:orphans', { systemId: 'rio' })).toMatchObject([
      { username: 'ghost.user' },
      { username: 'never.in' },
    ]);
    // An older file never winds the clock back.
    expect(
      importActivity(ctx, 'rio', 'old.csv', 'Login,Last Logon\nuser-rio,01/10/2026\n', null),
    ).toMatchObject({ updated: 0, unchanged: 1 });
    expect(lastActivity(ctx)).toBe('2026-11-20T00:00:00.000Z');
    core.close();
  });

  it('uses the column names given, refuses a file without them, and names bad lines applying nothing', async () => {
    const { core, ctx } = await trust();
    expect(() => importActivity(ctx, 'rio', 'x.csv', 'user,when\nuser-rio,2026-11-20\n', null)).toThrow(
      /lacks the username column and the last sign-in column \(its header is: user, when\)/,
    );
    expect(
      importActivity(ctx, 'rio', 'x.csv', 'user,when\nuser-rio,2026-11-20\n', {
        username: 'user',
        date: 'when',
      }),
    ).toMatchObject({ updated: 1 });
    const before = createHash('sha256')
      .update(JSON.stringify(ctx.db().prepare('SELECT * FROM accounts').all()))
      .digest('hex');
    expect(() =>
      importActivity(
        ctx,
        'rio',
        'bad.csv',
        'user,when\nuser-rio,2026-11-25\nuser-rio,2026-11-26\n,2026-11-01\nother,yesterday\n',
        null,
      ),
    ).toThrow(
      /bad.csv was not imported; nothing was changed.*\nLine 3: user-rio is also on line 2\.\nLine 4: no username\.\nLine 5: "yesterday" is not a date\./s,
    );
    expect(
      createHash('sha256')
        .update(JSON.stringify(ctx.db().prepare('SELECT * FROM accounts').all()))
        .digest('hex'),
    ).toBe(before);
    core.close();
  });
});
