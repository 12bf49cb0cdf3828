/**
 * `npm run bench`: the figures the issues name, measured on this machine. Foundation figures:
 * sign-in with OWASP-cost scrypt, an audited change, audit chain verification and a verified backup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { backup } from '../../electron/services/maintenance';
import { appendAuditEvent, verifyAuditChain } from '../../electron/store/audit-log';

const ADMIN = { name: 'Bench Administrator', passphrase: 'benchmarks run on quiet evenings' };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function row(name: string, value: string, note = ''): void {
  console.log(`${name.padEnd(44)} ${value.padStart(12)}  ${note}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  try {
    const core = createCore({ dataDir: dir, host: 'test', log: () => undefined });
    const must = async (channel: string, input: unknown) => {
      const result = await core.call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    await must('session:createFirstAdministrator', ADMIN);
    await must('session:acknowledgeAcceptableUse', { version: '2025-03' });
    await must('session:signOut', {});

    const signIns: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      await must('session:signIn', ADMIN);
      signIns.push(performance.now() - start);
      await must('session:acknowledgeAcceptableUse', { version: '2025-03' });
      if (i < 4) await must('session:signOut', {});
    }

    const changes: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const start = performance.now();
      await must('settings:update', { idleLockMinutes: 10 + (i % 5) });
      changes.push(performance.now() - start);
    }

    const db = core.session.store!.db;
    const actor = { id: core.session.operator!.id, name: ADMIN.name };
    const insert = db.transaction((n: number) => {
      for (let i = 0; i < n; i += 1)
        appendAuditEvent(db, actor, new Date(), { action: 'bench.event', after: { i } });
    });
    const appendStart = performance.now();
    insert(50_000);
    const appendMs = performance.now() - appendStart;

    const verifyStart = performance.now();
    const verdict = verifyAuditChain(db);
    const verifyMs = performance.now() - verifyStart;

    const backupStart = performance.now();
    const result = backup(core, join(dir, 'bench.gatehouse-backup'));
    const backupMs = performance.now() - backupStart;
    core.close();

    console.log('Gatehouse benchmarks (this machine)\n');
    row(
      'sign-in (scrypt N=2^17 + open), median',
      `${percentile(signIns, 50).toFixed(0)} ms`,
      `p95 ${percentile(signIns, 95).toFixed(0)} ms`,
    );
    row(
      'audited change (settings:update), p95',
      `${percentile(changes, 95).toFixed(2)} ms`,
      `median ${percentile(changes, 50).toFixed(2)} ms`,
    );
    row(
      'append 50,000 audit events',
      `${appendMs.toFixed(0)} ms`,
      `${((50_000 / appendMs) * 1000).toFixed(0)} events/s`,
    );
    row(
      `verify chain of ${verdict.count} events`,
      `${verifyMs.toFixed(0)} ms`,
      verdict.valid ? 'valid' : 'BROKEN',
    );
    row(
      'verified encrypted backup',
      `${backupMs.toFixed(0)} ms`,
      `${(result.bytes / 1_048_576).toFixed(1)} MiB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
