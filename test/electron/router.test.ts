import { describe, expect, it } from 'vitest';
import { ADMIN, activeAdminCore, must, newCore, signedInCore, tempDir } from '../support/temp-core';

describe('the router', () => {
  it('rejects an unknown channel with a sentence, not a stack', async () => {
    const result = await newCore().call('people:dropAll', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: expect.stringMatching(/did not recognise/) },
    });
  });

  it('rejects a payload with unexpected fields', async () => {
    const result = await newCore().call('session:signIn', { ...ADMIN, role: 'administrator' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/details Gatehouse does not expect, so nothing was changed/),
      },
    });
  });

  it('rejects a payload of the wrong shape, every field at once, by the label the screen shows (issue 12 §4)', async () => {
    const result = await newCore().call('session:signIn', { name: '', passphrase: 42 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'Check 2 answers: Enter a name. Check the passphrase: it is not in a form Gatehouse can use.',
        fields: [
          { path: 'name', label: 'Name', message: 'Enter a name.' },
          {
            path: 'passphrase',
            label: 'Passphrase',
            message: 'Check the passphrase: it is not in a form Gatehouse can use.',
          },
        ],
      },
    });
  });

  it('requires sign-in for everything but the public channels', async () => {
    const result = await newCore().call('operators:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('requires the acceptable use statement to be acknowledged first (USE-2)', async () => {
    const core = newCore();
    await must(core, 'session:createFirstAdministrator', ADMIN);
    expect(await core.call('operators:list', {})).toMatchObject({
      ok: false,
      error: { code: 'ACKNOWLEDGEMENT_REQUIRED' },
    });
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    expect(await core.call('operators:list', {})).toMatchObject({ ok: true });
    core.close();
  });

  it('checks the operator’s permission in main, whatever the renderer shows', async () => {
    const dir = tempDir();
    const admin = await activeAdminCore(dir);
    await must(admin, 'operators:add', {
      name: 'Rae Officer',
      role: 'ra-officer',
      passphrase: 'copper kettle on the hob',
    });
    admin.close();
    const core = await signedInCore(dir, { name: 'Rae Officer', passphrase: 'copper kettle on the hob' });
    const attempt = await core.call('operators:add', {
      name: 'Sneaky Extra',
      role: 'administrator',
      passphrase: 'copper kettle on the hob',
    });
    expect(attempt).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.call('audit:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    core.close();
  });

  it('hides an internal failure behind a sentence and logs the detail in main', async () => {
    const dir = tempDir();
    const logged: unknown[] = [];
    const { createCore } = await import('../../electron/core');
    const { FAST_KDF } = await import('../support/temp-core');
    const core = createCore({ dataDir: dir, host: 'test', kdf: FAST_KDF, log: (_m, e) => logged.push(e) });
    await must(core, 'session:createFirstAdministrator', ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    core.session.store!.db.exec('DROP TABLE settings');
    const result = await core.call('settings:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts|no such table/);
    expect(logged).toHaveLength(1);
    core.close();
  });

  it('rolls back a change whose service writes no audit event', async () => {
    const core = await activeAdminCore();
    const { ServiceContext } = await import('../../electron/service-context');
    const ctx = new ServiceContext(core.deps);
    expect(() =>
      ctx.transact(() => {
        ctx.db().prepare(`INSERT INTO settings (key, value) VALUES ('unaudited', 'x')`).run();
      }),
    ).toThrow(/without an audit event/);
    expect(
      core.session.store!.db.prepare(`SELECT count(*) AS n FROM settings WHERE key = 'unaudited'`).get(),
    ).toEqual({ n: 0 });
    core.close();
  });
});
