/** Helpers for `npm run bench`: timing, percentiles and the printed table. */
import { type Browser, chromium } from '@playwright/test';
import type { Core } from '../../electron/core';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function row(name: string, value: string, note = ''): void {
  console.log(`${name.padEnd(48)} ${value.padStart(12)}  ${note}`);
}

/** On a shared machine the wall clock includes waiting for a core; the CPU time is the work itself. */
export function cpuMs(used: NodeJS.CpuUsage): number {
  return (used.user + used.system) / 1000;
}

export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
}

export async function must(core: Core, channel: string, input: unknown = {}): Promise<unknown> {
  const result = await core.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

export async function timeEach<T>(items: T[], work: (item: T) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (const item of items) {
    const start = performance.now();
    await work(item);
    samples.push(performance.now() - start);
  }
  return samples;
}

export const BENCH_ADMIN = { name: 'Bench Administrator', passphrase: 'benchmarks run on quiet evenings' };

/** Debian's Chromium, as the end-to-end tests run it (never a browser Playwright downloads). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}
