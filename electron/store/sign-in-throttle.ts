/**
 * Failed sign-ins back off: after a few misses each further attempt for that name waits twice as
 * long, up to five minutes. Kept in a file beside the database (which is locked at this point), so
 * restarting Gatehouse does not reset the count. Issue 10 §4 made it hold under attack:
 * - check-and-record is one step under a lock on the file shared by every process (file-lock.ts),
 *   and an attempt is counted as a failure *before* the passphrase is checked (`begin`), so twenty
 *   concurrent attempts cannot all pass the check while none has been recorded yet;
 * - a Trust-wide ceiling: failures on every name within a window have their own back-off, so failing
 *   on hundreds of other names (which evicts old per-name records) cannot reset anyone's wait;
 * - names are stored as HMAC-SHA-256 under a random key kept in the file, not as plain hashes that a
 *   list of staff names would reverse.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock';
import { writeFileAtomic } from './atomic-file';
import { withFileLock } from './file-lock';
import { normaliseName } from './key-slot-format';

export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 300;
const MAX_ENTRIES = 500;
/** Trust-wide: this many failures across all names within the window, then everyone waits. */
export const TRUST_FREE_FAILURES = 30;
export const TRUST_WINDOW_MS = 15 * 60_000;
const MAX_RECENT = 2_000;

const entrySchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.string(),
  /** Attempts refused by the back-off without being checked. */
  refused: z.number().int().nonnegative().default(0),
});
const fileSchema = z.object({
  version: z.literal(2),
  key: z.string().min(40),
  entries: z.record(z.string(), entrySchema),
  /** When each recent failure on any name happened, oldest first. */
  recent: z.array(z.string()),
});
type AttemptFile = z.infer<typeof fileSchema>;

/** Seconds to wait after the latest failure, given how many failures there have been in a row. */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1));
}

export class SignInThrottle {
  constructor(
    private readonly path: string,
    private readonly clock: Clock,
  ) {}

  private read(): AttemptFile {
    if (existsSync(this.path)) {
      try {
        return fileSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
      } catch {
        // A damaged (or version 1) attempts file must not lock everyone out for ever: start again.
      }
    }
    return { version: 2, key: randomBytes(32).toString('base64'), entries: {}, recent: [] };
  }

  private write(file: AttemptFile): void {
    writeFileAtomic(this.path, JSON.stringify(file));
  }

  private keyFor(file: AttemptFile, name: string): string {
    return createHmac('sha256', Buffer.from(file.key, 'base64'))
      .update(normaliseName(name), 'utf8')
      .digest('hex');
  }

  private recentFailures(file: AttemptFile): string[] {
    const since = this.clock.now().getTime() - TRUST_WINDOW_MS;
    return file.recent.filter((at) => Date.parse(at) > since);
  }

  private waitIn(file: AttemptFile, name: string): number {
    const now = this.clock.now().getTime();
    const entry = file.entries[this.keyFor(file, name)];
    // Only a back-off that is due holds anyone: a name with fewer failures than the free ones never
    // waits, whatever its last failure's time (another process's clock may run ahead of this one's).
    const delay = entry ? backoffSeconds(entry.failures) : 0;
    const own = delay > 0 ? Date.parse(entry!.lastFailureAt) + delay * 1000 : 0;
    const recent = this.recentFailures(file);
    const beyond = recent.length - TRUST_FREE_FAILURES;
    const trust =
      beyond > 0
        ? Date.parse(recent[recent.length - 1]!) + backoffSeconds(FREE_ATTEMPTS + beyond - 1) * 1000
        : 0;
    return Math.max(0, Math.ceil((Math.max(own, trust) - now) / 1000));
  }

  /** Seconds the caller must still wait before trying this name again (0 = may try now). */
  waitSeconds(name: string): number {
    return this.waitIn(this.read(), name);
  }

  /** How this name's record stands (for tests and the audit trail). */
  attempts(name: string): { failures: number; refused: number } {
    const file = this.read();
    const entry = file.entries[this.keyFor(file, name)];
    return { failures: entry?.failures ?? 0, refused: entry?.refused ?? 0 };
  }

  private countFailure(file: AttemptFile, name: string): number {
    const key = this.keyFor(file, name);
    const at = this.clock.now().toISOString();
    const failures = (file.entries[key]?.failures ?? 0) + 1;
    file.entries[key] = { failures, lastFailureAt: at, refused: file.entries[key]?.refused ?? 0 };
    file.recent = [...this.recentFailures(file), at].slice(-MAX_RECENT);
    const keys = Object.keys(file.entries);
    if (keys.length > MAX_ENTRIES) {
      // Eviction forgets old names; the Trust-wide ceiling above still holds everyone back.
      keys
        .sort((a, b) =>
          (file.entries[a]?.lastFailureAt ?? '').localeCompare(file.entries[b]?.lastFailureAt ?? ''),
        )
        .slice(0, keys.length - MAX_ENTRIES)
        .forEach((old) => delete file.entries[old]);
    }
    return failures;
  }

  /**
   * One attempt begins: refused (the seconds to wait, recorded as refused) or counted as a failure
   * now, before the passphrase is checked. `recordSuccess` or `release` takes the count back.
   */
  begin(name: string): { wait: number } {
    // No data folder, no store: nothing to guard, and nowhere to keep a record.
    if (!existsSync(dirname(this.path))) return { wait: 0 };
    return withFileLock(this.path, () => {
      const file = this.read();
      const wait = this.waitIn(file, name);
      if (wait > 0) {
        const key = this.keyFor(file, name);
        const entry = file.entries[key];
        if (entry) entry.refused += 1;
        else file.entries[key] = { failures: 0, lastFailureAt: new Date(0).toISOString(), refused: 1 };
      } else {
        this.countFailure(file, name);
      }
      this.write(file);
      return { wait };
    });
  }

  /** Take back the failure `begin` counted: the attempt ended for another reason (a damaged slot). */
  release(name: string): void {
    if (!existsSync(dirname(this.path))) return;
    withFileLock(this.path, () => {
      const file = this.read();
      const entry = file.entries[this.keyFor(file, name)];
      if (entry && entry.failures > 0) entry.failures -= 1;
      file.recent = file.recent.slice(0, -1);
      this.write(file);
    });
  }

  /** A failure counted after the fact (e.g. a restore's passphrase check); returns the count. */
  recordFailure(name: string): number {
    return withFileLock(this.path, () => {
      const file = this.read();
      const failures = this.countFailure(file, name);
      this.write(file);
      return failures;
    });
  }

  /**
   * Clears the record; returns how many failures there had been before this attempt, for the audit
   * trail (`begin` had counted this one too).
   */
  recordSuccess(name: string, countedByBegin = true): number {
    return withFileLock(this.path, () => {
      const file = this.read();
      const key = this.keyFor(file, name);
      const failures = Math.max(0, (file.entries[key]?.failures ?? 0) - (countedByBegin ? 1 : 0));
      if (file.entries[key]) {
        delete file.entries[key];
        if (countedByBegin) file.recent = file.recent.slice(0, -1);
        this.write(file);
      }
      return failures;
    });
  }
}
