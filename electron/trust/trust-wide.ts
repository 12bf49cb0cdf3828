/**
 * Trust-wide jobs (issue 11 §2): on a connected workstation the inactivity sweep, the ESR feed,
 * leavers apply, operator management, the Trust's settings and starting an access review need the
 * Trust register, and run once across the Trust:
 * each holds a PostgreSQL advisory lock (pg_try_advisory_lock) for as long as it runs and pushes, so
 * two workstations never both send the same notices or apply the same leavers. Each syncs first, so
 * it starts from what the last run, on whichever workstation, left behind.
 */
import { ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { outboxCounts } from './outbox';
import { openTrust, syncOnce } from './sync-engine';
import { readTrustLink } from './trust-state';
import { trustPassphrase } from './trust-secret';

const JOBS: Record<string, { key: number; name: string }> = {
  'inactivity:run': { key: 1, name: 'the inactivity sweep' },
  'esr:import': { key: 2, name: 'the ESR feed' },
  'esr:accept': { key: 2, name: 'the ESR feed' },
  'esr:reject': { key: 2, name: 'the ESR feed' },
  'leavers:apply': { key: 3, name: 'the HR leavers apply' },
  'operators:add': { key: 4, name: 'operator management' },
  'operators:setSystems': { key: 4, name: 'operator management' },
  'operators:revoke': { key: 4, name: 'operator management' },
  'sync:setOfflineGrace': { key: 5, name: 'changing the Trust’s settings' },
  // One open campaign per scope (issue 13 §3) holds Trust-wide only if each start sees the others'.
  'reviews:start': { key: 6, name: 'the start of an access review' },
};

const LOCK_BASE = 7_110_100;

export async function runTrustWide<T>(
  ctx: ServiceContext,
  channel: string,
  work: () => Promise<T>,
): Promise<T> {
  const job = JOBS[channel];
  const store = ctx.session.store;
  const link = store ? readTrustLink(store.db) : null;
  if (!job || !store || !link || !ctx.session.operator) return work();
  const login = store.db
    .prepare<[string], { login: string | null }>('SELECT login FROM operators WHERE id = ?')
    .get(ctx.session.operator.id)?.login;
  const passphrase = trustPassphrase(store);
  if (!login || !passphrase) {
    throw new GatehouseError(
      'FORBIDDEN',
      `${capital(job.name)} runs on the Trust register, and you have no login to it here.`,
    );
  }
  let client;
  try {
    client = await openTrust(link.url, link.ca, login, passphrase);
  } catch (error) {
    throw new GatehouseError(
      'UNAVAILABLE',
      `${capital(job.name)} runs once for the whole Trust and needs the Trust register, which cannot be reached now. Run it when this workstation is connected.`,
      { cause: error },
    );
  }
  try {
    const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [
      LOCK_BASE + job.key,
    ]);
    if (!rows[0]?.got) {
      throw new GatehouseError(
        'CONFLICT',
        `Another workstation is running ${job.name} now. Wait for it to finish, then sync and check the result.`,
      );
    }
    // Run on the register as it stands: what the last run left (notices sent, ESR changes waiting)
    // must be here first, or this run would do it again. A context of its own, as after a command.
    if (!(await syncOnce(new ServiceContext(ctx.deps)))) {
      throw new GatehouseError(
        'UNAVAILABLE',
        `${capital(job.name)} needs this workstation up to date with the Trust register, and the sync was interrupted. Try again when the connection is steady.`,
      );
    }
    const result = await work();
    // The job's push (after the command) may have met a cut: try once more before the lock goes, so
    // the next run, on any workstation, finds what this one did (notices sent, changes decided).
    if (outboxCounts(store.db).queued > 0) await syncOnce(new ServiceContext(ctx.deps)).catch(() => false);
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
