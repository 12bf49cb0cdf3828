/**
 * Access review figures on the 50,000-person demo Trust (issue 13 §3): starting a Trust-wide review
 * (every active or suspended account, one list per line manager), target <= 5 s, and its status.
 */
import type { Core } from '../../electron/core';
import { londonDate } from '../../shared/policy/working-days';
import { cpuMs, ms, must, row } from './bench-support';

export async function benchReviews(core: Core): Promise<void> {
  const due = londonDate(new Date(Date.now() + 30 * 86_400_000));
  const start = performance.now();
  const cpu = process.cpuUsage();
  const campaign = (await must(core, 'reviews:start', { scope: { kind: 'trust' }, dueOn: due })) as {
    items: number;
    managers: unknown[];
  };
  row(
    'start a Trust-wide access review',
    ms(performance.now() - start),
    `${campaign.items} accounts, ${campaign.managers.length} line managers; CPU ${ms(cpuMs(process.cpuUsage(cpu)))}; target <= 5 s`,
  );
  const statusStart = performance.now();
  await must(core, 'reviews:status');
  row('access review status (every manager’s progress)', ms(performance.now() - statusStart), '');
}
