/**
 * Failed sign-ins back off: after a few misses each further attempt for that name waits twice as
 * long, up to five minutes. Kept in a file beside the database (which is locked at this point), so
 * restarting Gatehouse does not reset the count. Names are stored only as hashes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../clock';
import { writeFileAtomic } from './atomic-file';

export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 300;
const MAX_ENTRIES = 500;

const entrySchema = z.object({ failures: z.number().int().nonnegative(), lastFailureAt: z.string() });
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), entrySchema) });
type AttemptFile = z.infer<typeof fileSchema>;

/** Seconds to wait after the latest failure, given how many failures there have been in a row. */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1));
}

function keyFor(name: string): string {
  return createHash('sha256').update(name.trim().toLocaleLowerCase('en-GB'), 'utf8').digest('hex');
}

export class SignInThrottle {
  constructor(
    private readonly path: string,
    private readonly clock: Clock,
  ) {}

  private read(): AttemptFile {
    if (!existsSync(this.path)) return { version: 1, entries: {} };
    try {
      return fileSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      // A damaged attempts file must not let anyone in faster, nor lock everyone out for ever:
      // start again from an empty record.
      return { version: 1, entries: {} };
    }
  }

  /** Seconds the caller must still wait before trying this name again (0 = may try now). */
  waitSeconds(name: string): number {
    const entry = this.read().entries[keyFor(name)];
    if (!entry) return 0;
    const until = Date.parse(entry.lastFailureAt) + backoffSeconds(entry.failures) * 1000;
    return Math.max(0, Math.ceil((until - this.clock.now().getTime()) / 1000));
  }

  recordFailure(name: string): number {
    const file = this.read();
    const key = keyFor(name);
    const failures = (file.entries[key]?.failures ?? 0) + 1;
    file.entries[key] = { failures, lastFailureAt: this.clock.now().toISOString() };
    const keys = Object.keys(file.entries);
    if (keys.length > MAX_ENTRIES) {
      keys
        .sort((a, b) =>
          (file.entries[a]?.lastFailureAt ?? '').localeCompare(file.entries[b]?.lastFailureAt ?? ''),
        )
        .slice(0, keys.length - MAX_ENTRIES)
        .forEach((old) => delete file.entries[old]);
    }
    writeFileAtomic(this.path, JSON.stringify(file));
    return failures;
  }

  /** Clears the record; returns how many failures there had been, for the audit trail. */
  recordSuccess(name: string): number {
    const file = this.read();
    const key = keyFor(name);
    const failures = file.entries[key]?.failures ?? 0;
    if (failures > 0) {
      delete file.entries[key];
      writeFileAtomic(this.path, JSON.stringify(file));
    }
    return failures;
  }
}
