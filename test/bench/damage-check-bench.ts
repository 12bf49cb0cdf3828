/**
 * What checking the whole file for damage costs on the 50,000-person demo store (issue 10 §3), to
 * choose what runs at sign-in: quick_check (every page read, so every page's HMAC checked, and the
 * b-trees walked) against the full integrity_check (also every index against its table), each on a
 * fresh connection, and the whole sign-in that now includes quick_check.
 */
import { statSync } from 'node:fs';
import { createCore } from '../../electron/core';
import { openEncryptedDatabase } from '../../electron/store/database';
import { BENCH_ADMIN, ms, must, row } from './bench-support';

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export async function benchDamageCheck(dir: string): Promise<void> {
  const core = createCore({ dataDir: dir, host: 'test', log: () => undefined });
  const start = performance.now();
  await must(core, 'session:signIn', BENCH_ADMIN);
  const signIn = performance.now() - start;
  const store = core.session.store!;
  const { size } = statSync(store.paths.database);
  for (const pragma of ['quick_check', 'integrity_check'] as const) {
    const db = openEncryptedDatabase(store.paths.database, store.dataKey, true);
    const took = timed(() => db.pragma(pragma));
    db.close();
    row(`${pragma} of the demo store, fresh connection`, ms(took), `${(size / 1_048_576).toFixed(1)} MiB`);
  }
  row('sign-in including quick_check (scrypt N=2^17)', ms(signIn));
  core.close();
}
