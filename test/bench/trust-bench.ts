/**
 * The Trust register's figures (issue 11 §5), against a throwaway PostgreSQL on this machine:
 * a change visible on another workstation, replay of 1,000 queued offline changes, and Trust chain
 * appends with 4 pushers at once. The cluster keeps PostgreSQL's durability on (fsync,
 * synchronous_commit), as a Trust runs its register: the register is the Trust's evidence.
 */
import { join } from 'node:path';
import { type Core, createCore } from '../../electron/core';
import { postgresMissing } from '../support/postgres';
import { startProxy } from '../support/tcp-proxy';
import { audited, createLogin, startTrustServer } from '../support/trust-server';
import { BENCH_ADMIN, ms, must, percentile, row } from './bench-support';

const FAST = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 } as const;

async function workstation(dir: string): Promise<Core> {
  const core = createCore({ dataDir: dir, host: 'test', kdf: FAST, log: () => undefined });
  await must(core, 'session:createFirstAdministrator', BENCH_ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  return core;
}

async function signIn(dir: string): Promise<Core> {
  const core = createCore({ dataDir: dir, host: 'test', kdf: FAST, log: () => undefined });
  await must(core, 'session:signIn', BENCH_ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  return core;
}

export async function benchTrust(dir: string): Promise<void> {
  if (postgresMissing) {
    row('Trust register', 'skipped', postgresMissing);
    return;
  }
  const server = await startTrustServer({ durable: true });
  try {
    await createLogin(server, 'bench_admin', 'gatehouse_administrator', BENCH_ADMIN.passphrase);
    const proxy = await startProxy(server.cluster.port);
    const url = server.url('bench_admin', 'x', proxy.port).replace(/:x@/, '@');
    const a = await workstation(join(dir, 'a'));
    await must(a, 'sync:connect', { url, ca: server.cluster.ca, passphrase: BENCH_ADMIN.passphrase });
    const joining = await workstation(join(dir, 'b'));
    await must(joining, 'sync:connect', { url, ca: server.cluster.ca, passphrase: BENCH_ADMIN.passphrase });
    const b = await signIn(join(dir, 'b'));

    const visible: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const start = performance.now();
      await must(a, 'people:create', { name: `Visible Person ${i}`, employmentType: 'bank' });
      await must(b, 'sync:now');
      visible.push(performance.now() - start);
    }
    row(
      'Change visible on another workstation p95',
      ms(percentile(visible, 95)),
      'push in the call, then the other’s sync (target <= 1 s)',
    );

    proxy.cut();
    for (let i = 0; i < 1_000; i += 1)
      await must(a, 'people:create', { name: `Offline Person ${i}`, employmentType: 'bank' });
    proxy.restore();
    const replayStart = performance.now();
    const state = (await must(a, 'sync:now')) as { queued: number };
    const replay = performance.now() - replayStart;
    row('Replay of 1,000 queued offline changes', ms(replay), `${state.queued} left queued (target <= 5 s)`);
    await proxy.close();

    const writers = await Promise.all([0, 1, 2, 3].map(() => server.client()));
    const each = 500;
    const appendStart = performance.now();
    await Promise.all(
      writers.map(async (client) => {
        for (let i = 0; i < each; i += 1) await audited(client, 'bench.append', async () => undefined);
      }),
    );
    const seconds = (performance.now() - appendStart) / 1000;
    row(
      'Trust chain appends, 4 pushers at once',
      `${Math.round((4 * each) / seconds)}/s`,
      'audited transactions (target >= 1,000/s)',
    );
    await Promise.all(writers.map((c) => c.end()));
  } finally {
    server.stop();
  }
}
