/**
 * The People screen in Debian's Chromium over the browser host, on the 50,000-person demo Trust:
 * from choosing People in the navigation to the count and the first rows on screen. Target <= 1 s.
 */
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { startWebHost } from '../../electron/hosts/web-host';
import { BENCH_ADMIN, launchChromium, ms, percentile, row } from './bench-support';
import { DEMO_PEOPLE } from './register-bench';

export async function benchPeopleScreen(dir: string): Promise<void> {
  const core = createCore({ dataDir: dir, host: 'web', log: () => undefined });
  const host = await startWebHost(core, { port: 0, staticDir: join(process.cwd(), 'dist', 'renderer') });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByLabel('Name').fill(BENCH_ADMIN.name);
    await page.getByLabel('Passphrase').fill(BENCH_ADMIN.passphrase);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'I understand and agree' }).click();
    const expected = `${DEMO_PEOPLE.toLocaleString('en-GB')} people found`;
    const samples: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      const start = performance.now();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
      await page.getByRole('status').filter({ hasText: expected }).waitFor();
      await page.getByRole('listbox', { name: 'People found' }).getByRole('option').first().waitFor();
      samples.push(performance.now() - start);
    }
    const rendered = await page.getByRole('listbox', { name: 'People found' }).getByRole('option').count();
    row(
      'People screen in Chromium, 50,000 people, p95',
      ms(percentile(samples, 95)),
      `median ${ms(percentile(samples, 50))}; ${rendered} rows in the DOM; target <= 1 s`,
    );
  } finally {
    await browser.close();
    await host.close();
    core.close();
  }
}
