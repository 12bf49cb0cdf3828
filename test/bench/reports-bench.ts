/**
 * Report figures on the 50,000-person demo Trust (issue 5): the monthly inactive users report written
 * as CSV (target <= 2 s) and as PDF (target <= 5 s), each through the audited export.
 */
import type { Core } from '../../electron/core';
import { ServiceContext } from '../../electron/service-context';
import { exportReport } from '../../electron/services/reports/reports';
import { londonDate } from '../../shared/policy/working-days';
import { ms, row } from './bench-support';

export async function benchReports(core: Core): Promise<void> {
  const ctx = new ServiceContext(core.deps);
  const month = londonDate(new Date()).slice(0, 7);
  for (const [format, target] of [
    ['csv', '2 s'],
    ['pdf', '5 s'],
  ] as const) {
    const start = performance.now();
    const file = await exportReport(ctx, 'inactive-users', month, format);
    const elapsed = performance.now() - start;
    row(
      `monthly inactive users report as ${format.toUpperCase()}`,
      ms(elapsed),
      `${file.rows} rows, ${(file.bytes.length / 1_048_576).toFixed(1)} MiB; target <= ${target}`,
    );
  }
}
