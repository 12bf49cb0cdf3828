/**
 * Starting a Trust-wide access review on a connected workstation (issue 13 §4, target <= 5 s): the
 * start syncs, makes one item per account and pushes them all while it holds the Trust-wide lock.
 * A generated Trust set up on a throwaway register with PostgreSQL's durability on.
 */
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { londonDate } from '../../shared/policy/working-days';
import { postgresMissing } from '../support/postgres';
import { createLogin, startTrustServer } from '../support/trust-server';
import { BENCH_ADMIN, cpuMs, ms, must, row } from './bench-support';

const FAST = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 } as const;

export async function benchReviewsTrust(dir: string, people = 50_000): Promise<void> {
  if (postgresMissing) return;
  const server = await startTrustServer({ durable: true });
  try {
    await createLogin(server, 'bench_admin', 'gatehouse_administrator', BENCH_ADMIN.passphrase);
    const url = server.url('bench_admin', 'x').replace(/:x@/, '@');
    const core = createCore({ dataDir: join(dir, 'a'), host: 'test', kdf: FAST, log: () => undefined });
    await must(core, 'session:createFirstAdministrator', BENCH_ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    await must(core, 'people:generateDemo', { people, seed: 1 });
    await must(core, 'sync:connect', { url, ca: server.cluster.ca, passphrase: BENCH_ADMIN.passphrase });
    const due = londonDate(new Date(Date.now() + 30 * 86_400_000));
    const start = performance.now();
    const cpu = process.cpuUsage();
    const campaign = (await must(core, 'reviews:start', { scope: { kind: 'trust' }, dueOn: due })) as {
      items: number;
    };
    const took = performance.now() - start;
    const state = (await must(core, 'sync:status')) as { queued?: number };
    row(
      'Starting a Trust-wide review on a connected workstation',
      ms(took),
      `${campaign.items.toLocaleString('en-GB')} accounts pushed (${state.queued ?? '?'} left queued); this process's CPU ${ms(cpuMs(process.cpuUsage(cpu)))}; target <= 5 s`,
    );
  } finally {
    server.stop();
  }
}
