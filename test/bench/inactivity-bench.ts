/** The inactivity sweep on the 50,000-person demo Trust, first and repeat run (issue 5, target <= 0.5 s). */
import type { Core } from '../../electron/core';
import { ServiceContext } from '../../electron/service-context';
import { runInactivity } from '../../electron/services/inactivity';
import { cpuMs, ms, row } from './bench-support';

export function benchInactivity(core: Core): void {
  const ctx = new ServiceContext(core.deps);
  const asOf = new Date().toISOString().slice(0, 10);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const run = runInactivity(ctx, asOf);
  const elapsed = performance.now() - start;
  const used = cpuMs(process.cpuUsage(cpu));
  const accounts = run.notices.reduce((n, m) => n + m.staff.length, 0);
  row(
    'inactivity sweep (first run)',
    ms(elapsed),
    `${accounts} accounts to ${run.notices.length} line managers; CPU ${ms(used)}; target <= 500 ms`,
  );
  // The monthly run after that: every earlier notice is still outstanding, nothing new to tell.
  const again = performance.now();
  const againCpu = process.cpuUsage();
  const repeat = runInactivity(ctx, asOf);
  row(
    'inactivity sweep (repeat run)',
    ms(performance.now() - again),
    `${repeat.notices.length} new notices; CPU ${ms(cpuMs(process.cpuUsage(againCpu)))}; target <= 500 ms`,
  );
}
