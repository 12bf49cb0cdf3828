/**
 * Leavers figures on the 50,000-person demo Trust (issue 5): a 2,000-row HR leavers file parsed and
 * matched (target <= 0.5 s) and applied in one transaction (target <= 2 s).
 */
import type { Core } from '../../electron/core';
import { ServiceContext } from '../../electron/service-context';
import { applyLeavers, previewLeavers } from '../../electron/services/leavers-import';
import { ms, row } from './bench-support';

export function benchLeavers(core: Core): void {
  const db = core.session.store!.db;
  const leavers = db
    .prepare<[], { name: string; team: string | null; employee_number: string }>(
      `SELECT name, team, employee_number FROM people WHERE status = 'active' AND rowid % 23 = 5 LIMIT 2000`,
    )
    .all();
  // Half the rows carry an employee number, half only name and team, as HR's files do.
  const csv = [
    'Name,Team,Date Left,Employee Number',
    ...leavers.map(
      (p, i) => `"${p.name}","${p.team ?? ''}",30/11/2026,${i % 2 === 0 ? p.employee_number : ''}`,
    ),
  ].join('\r\n');
  const ctx = new ServiceContext(core.deps);
  const previewStart = performance.now();
  const { rows } = previewLeavers(ctx, 'bench-leavers.csv', csv);
  const previewMs = performance.now() - previewStart;
  const applyStart = performance.now();
  const applied = applyLeavers(ctx, 'bench-leavers.csv', csv, new Map());
  const applyMs = performance.now() - applyStart;
  const counts = (status: string) => rows.filter((r) => r.status === status).length;
  row(
    `leavers file, ${rows.length} rows: parse + match`,
    ms(previewMs),
    `${counts('matched')} matched, ${counts('ambiguous')} ambiguous; target <= 500 ms`,
  );
  row(
    `leavers file: apply ${applied.processed.length} leavers`,
    ms(applyMs),
    'one transaction; target <= 2 s',
  );
}
