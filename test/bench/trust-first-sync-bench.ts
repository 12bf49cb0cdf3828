/**
 * First sync of the demo Trust to a new workstation (issue 11 §5): one workstation sets up the
 * register from a generated Trust, then a new store joins and brings the whole register down.
 */
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { postgresMissing } from '../support/postgres';
import { createLogin, startTrustServer } from '../support/trust-server';
import type { Core } from '../../electron/core';
import { BENCH_ADMIN, ms, must, percentile, row, timeEach } from './bench-support';

const FAST = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 } as const;

/** The queries the register bench uses (surname start, initials, employee number, username), on the replica. */
async function searchOnReplica(core: Core): Promise<void> {
  const sample = core.session
    .store!.db.prepare<[], { name: string; employee_number: string; username: string | null }>(
      `SELECT p.name, p.employee_number, (SELECT username FROM accounts WHERE person_id = p.id LIMIT 1) AS username
       FROM people p WHERE p.rowid % 250 = 0`,
    )
    .all();
  const queries = sample.flatMap((p) => {
    const [first = '', last = ''] = p.name.split(' ');
    return [
      last.slice(0, 3),
      `${first.slice(0, 2)} ${last.slice(0, 3)}`,
      p.employee_number,
      p.username ?? last,
    ];
  });
  // Connected, and the watcher's work aside: search reads only the local replica.
  const samples = await timeEach(queries, (query) => must(core, 'people:search', { query, limit: 100 }));
  row(
    'Search on a connected workstation, p95',
    ms(percentile(samples, 95)),
    `median ${ms(percentile(samples, 50))}; ${queries.length} queries on the replica (as today)`,
  );
}

async function workstation(dir: string) {
  const core = createCore({ dataDir: dir, host: 'test', kdf: FAST, log: () => undefined });
  await must(core, 'session:createFirstAdministrator', BENCH_ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  return core;
}

export async function benchTrustFirstSync(dir: string, people = 50_000): Promise<void> {
  if (postgresMissing) return;
  const server = await startTrustServer({ durable: true });
  try {
    await createLogin(server, 'bench_admin', 'gatehouse_administrator', BENCH_ADMIN.passphrase);
    const url = server.url('bench_admin', 'x').replace(/:x@/, '@');
    const a = await workstation(join(dir, 'a'));
    const demo = await must(a, 'people:generateDemo', { people, seed: 1 });
    const setUpStart = performance.now();
    await must(a, 'sync:connect', { url, ca: server.cluster.ca, passphrase: BENCH_ADMIN.passphrase });
    row(
      `Set up the register from a ${people.toLocaleString('en-GB')}-person Trust`,
      ms(performance.now() - setUpStart),
      JSON.stringify(demo).slice(0, 60),
    );
    const b = await workstation(join(dir, 'b'));
    const joinStart = performance.now();
    await must(b, 'sync:connect', { url, ca: server.cluster.ca, passphrase: BENCH_ADMIN.passphrase });
    row(
      'First sync of that Trust to a new workstation',
      ms(performance.now() - joinStart),
      'the whole register down (target <= 30 s)',
    );
    // Joining hands the store to the Trust's administrator: sign in again, as a person would.
    await must(b, 'session:signIn', BENCH_ADMIN);
    if (b.session.state().state === 'acknowledging')
      await must(b, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    await searchOnReplica(b);
  } finally {
    server.stop();
  }
}
