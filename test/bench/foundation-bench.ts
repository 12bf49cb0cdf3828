/** Foundation figures: sign-in at OWASP cost, an audited change, the audit chain, a verified backup. */
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { appendAuditEvent, verifyAuditChain } from '../../electron/store/audit-log';
import { BENCH_ADMIN, ms, must, percentile, row, timeEach } from './bench-support';

export async function benchFoundation(dir: string): Promise<void> {
  const core = createCore({ dataDir: dir, host: 'test', log: () => undefined });
  await must(core, 'session:createFirstAdministrator', BENCH_ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  await must(core, 'session:signOut');
  const signIns = await timeEach([1, 2, 3, 4, 5], async () => {
    await must(core, 'session:signIn', BENCH_ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  });
  const changes = await timeEach([...Array(200).keys()], (i) =>
    must(core, 'settings:update', { idleLockMinutes: 10 + (i % 5) }),
  );
  const db = core.session.store!.db;
  const actor = { id: core.session.operator!.id, name: BENCH_ADMIN.name };
  const appendStart = performance.now();
  db.transaction(() => {
    for (let i = 0; i < 50_000; i += 1)
      appendAuditEvent(
        db,
        actor,
        new Date(),
        { action: 'person.viewed', after: { i } },
        core.session.store!.signingKey,
        { workstation: 'bench', host: 'test' },
      );
  })();
  const appendMs = performance.now() - appendStart;
  const verifyStart = performance.now();
  const verdict = verifyAuditChain(db);
  const verifyMs = performance.now() - verifyStart;
  const backupStart = performance.now();
  const made = (await must(core, 'store:backup', {
    to: join(dir, 'bench.gatehouse-backup'),
  })) as { bytes: number };
  const backupMs = performance.now() - backupStart;
  core.close();

  row(
    'sign-in (scrypt N=2^17 + open), median',
    ms(percentile(signIns, 50)),
    `p95 ${ms(percentile(signIns, 95))}`,
  );
  row(
    'audited change (settings:update), p95',
    ms(percentile(changes, 95)),
    `median ${ms(percentile(changes, 50))}`,
  );
  row('append 50,000 audit events', ms(appendMs), `${((50_000 / appendMs) * 1000).toFixed(0)} events/s`);
  row(`verify chain of ${verdict.count} events`, ms(verifyMs), verdict.valid ? 'valid' : 'BROKEN');
  row('verified encrypted backup', ms(backupMs), `${(made.bytes / 1_048_576).toFixed(1)} MiB`);
}
