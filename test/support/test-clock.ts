/**
 * The one "now" every test starts from. Services get it through a TestClock, child processes (the
 * CLI, the browser host) through faketime, certificates through explicit validity dates, so no test
 * depends on the week it was written (`npm test` proves it by running the core suite a year ahead).
 */
import type { Clock } from '../../electron/clock';

export const TEST_NOW = new Date('2026-11-23T09:00:00.000Z');

/** A calendar date (YYYY-MM-DD) `days` after TEST_NOW's, or after `from`. */
export function testDate(days = 0, from: Date = TEST_NOW): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export class TestClock implements Clock {
  constructor(private current = TEST_NOW) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** libfaketime from Debian's faketime package (build/install-system-deps.sh installs it). */
export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

/**
 * Environment that runs a child process with its clock starting at `at` (libfaketime's "start at"
 * mode: the clock then ticks on from there). Preloaded directly rather than through the faketime
 * command, which forks and would leave the real process behind when a test stops it.
 * TZ=UTC so the time given is read as UTC; Gatehouse itself always works in Europe/London.
 */
export function faketimeEnv(at: Date = TEST_NOW): NodeJS.ProcessEnv {
  return {
    LD_PRELOAD: LIBFAKETIME,
    FAKETIME: `@${at.toISOString().replace('T', ' ').slice(0, 19)}`,
    TZ: 'UTC',
  };
}
