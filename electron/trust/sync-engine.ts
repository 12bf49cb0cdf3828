/**
 * One sync with the Trust register: push what is queued, then pull what others changed. Used by
 * `sync:now` and, online, straight after every mutating call (so the register takes a change while
 * the operator waits). An unreachable register is a state, not an error: the work stays queued.
 */
import type pg from 'pg';
import { ServiceContext } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { clientConfig, connect } from './connection';
import { applyChanges, fetchChanges } from './pull';
import { pushQueued } from './push';
import { refuseNewerServer, serverSchemaVersion } from './server/init-server';
import { SERVER_MIGRATIONS } from './server/migrations/index';
import { TrustIntegrityAlarm } from './integrity-alarm';
import { oneSyncAtATime } from './one-sync-at-a-time';
import { lastAttempt, syncStatusOf } from './sync-status';
import { readTrustLink, writeTrustLink } from './trust-state';
import { reviewsToShare } from '../services/review-share';
import { trustPassphrase } from './trust-secret';

export async function requireSameSchema(client: pg.Client): Promise<void> {
  const version = await serverSchemaVersion(client);
  refuseNewerServer(version);
  if (version < SERVER_MIGRATIONS.length) {
    throw new GatehouseError(
      'UNAVAILABLE',
      `The Trust register is at schema ${version} and this Gatehouse needs ${SERVER_MIGRATIONS.length}. Ask the Trust's database administrator to run gatehouse server init with this version.`,
    );
  }
}

export async function openTrust(
  url: string,
  ca: string | null,
  login: string,
  passphrase: string,
): Promise<pg.Client> {
  const client = await connect(clientConfig({ url, ca }, { user: login, password: passphrase }));
  try {
    await requireSameSchema(client);
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

function isUnreachable(error: unknown): error is GatehouseError {
  return error instanceof GatehouseError && error.code === 'UNAVAILABLE';
}

/** Pull everything after the cursor, in pages, into the replica. */
export async function pullAll(
  ctx: ServiceContext,
  client: pg.Client,
  ownCommits: ReadonlySet<string> = new Set(),
): Promise<number> {
  const db = ctx.db();
  let total = 0;
  for (;;) {
    const link = readTrustLink(db)!;
    const pulled = await fetchChanges(client, link.cursor, link.headHash, ownCommits);
    if (!pulled.head) return total;
    // Not audited locally: these are others' changes, each already an event in the Trust chain
    // (checked link by link above); a local event per pull would itself need anchoring, and so on.
    db.transaction(() => {
      applyChanges(db, pulled);
      writeTrustLink(db, { cursor: pulled.head!.seq, headHash: pulled.head!.hash });
    })();
    total += pulled.events;
  }
}

/** Push then pull once; returns false when the register could not be reached. */
export function syncOnce(ctx: ServiceContext): Promise<boolean> {
  const db = ctx.db();
  return oneSyncAtATime(db, () => syncNow(ctx));
}

async function syncNow(ctx: ServiceContext): Promise<boolean> {
  const db = ctx.db();
  const link = readTrustLink(db);
  if (!link)
    throw new GatehouseError(
      'NOT_FOUND',
      'This workstation is not joined to a Trust register. Connect it first (gatehouse connect).',
    );
  const login = (
    db.prepare('SELECT login FROM operators WHERE id = ?').get(ctx.actor().id) as
      { login: string | null } | undefined
  )?.login;
  const passphrase = ctx.session.store ? trustPassphrase(ctx.session.store) : null;
  if (!login || !passphrase) {
    throw new GatehouseError(
      'FORBIDDEN',
      'You have no login to the Trust register on this workstation. Ask an administrator to add you to it, then sign in again.',
    );
  }
  // Before the pull: a review of a scope the register has open meets it in the push, not in the replica.
  await shareOwnReviews(ctx);
  let client: pg.Client | null = null;
  try {
    client = await openTrust(link.url, link.ca, login, passphrase);
    const pushed = await pushQueued(db, client, link.workstationId);
    await pullAll(ctx, client, pushed.committed);
    await client.end();
    client = null;
    await replayRemovals(ctx);
    writeTrustLink(db, { lastContact: ctx.clock.now().toISOString(), alarm: null });
    lastAttempt.set(db, { reachable: true, problem: null });
    return true;
  } catch (error) {
    if (error instanceof TrustIntegrityAlarm) {
      writeTrustLink(db, { alarm: error.message });
      lastAttempt.set(db, { reachable: true, problem: error.message });
    }
    if (!isUnreachable(error) && !isDropped(error)) throw error;
    lastAttempt.set(db, {
      reachable: false,
      problem: isUnreachable(error)
        ? error.message
        : 'The connection to the Trust register was lost during the sync; the changes stay queued.',
    });
    return false;
  } finally {
    await client?.end().catch(() => undefined);
    ctx.deps.emitSyncChanged?.(syncStatusOf(db));
  }
}

/**
 * Removal-only commands that met a colleague's change: now that the replica holds that change, run
 * each again through the router and rules (it is queued and pushed as a new command). The first
 * attempt is kept as superseded; a rule that now refuses it sends it to the Conflicts list.
 */
async function replayRemovals(ctx: ServiceContext): Promise<void> {
  const db = ctx.db();
  const waiting = db
    .prepare<[], { id: number; channel: string; input_json: string }>(
      `SELECT id, channel, input_json FROM outbox WHERE state = 'replay' ORDER BY id`,
    )
    .all();
  for (const entry of waiting) {
    // Claimed once: a sync nested in a re-run (its own push) must not run this entry again.
    const claimed = db
      .prepare(`UPDATE outbox SET state = 'superseded' WHERE id = ? AND state = 'replay'`)
      .run(entry.id);
    if (claimed.changes === 0) continue;
    const input = JSON.parse(entry.input_json) as unknown;
    const result = await ctx.deps.rerun?.(entry.channel, input);
    // A colleague removed the access first (de-registered what I suspended): the effect holds.
    if (result && !result.ok && !removalHolds(db, entry.channel, input)) {
      db.prepare(`UPDATE outbox SET state = 'conflict', problem = ? WHERE id = ?`).run(
        result.error.message,
        entry.id,
      );
    }
  }
}

/** Reviews started here before they were on the register go up once (an administrator of every system's sync). */
async function shareOwnReviews(ctx: ServiceContext): Promise<void> {
  const operator = ctx.session.operator;
  if (!operator || operator.systems !== null || !ctx.session.can('accounts:write')) return;
  if (reviewsToShare(ctx.db()).length > 0) await ctx.deps.rerun?.('reviews:share', {});
}

/** Access this removal would take away is gone already (the design's "its effect already holds"). */
function removalHolds(db: Db, channel: string, input: unknown): boolean {
  const given = input as { accountId?: unknown; personId?: unknown; choices?: { personId?: unknown }[] };
  if (channel === 'suspensions:suspend' || channel === 'accounts:deregister') {
    if (typeof given.accountId !== 'string') return false;
    const status = db
      .prepare<[string], { status: string }>('SELECT status FROM accounts WHERE id = ?')
      .get(given.accountId)?.status;
    const gone =
      channel === 'suspensions:suspend' ? ['suspended', 'disabled', 'deleted'] : ['disabled', 'deleted'];
    return gone.includes(status ?? '');
  }
  // A leaver (DIS-3): it holds once none of the person's accounts is still open, whoever closed them.
  const people =
    channel === 'people:deregisterLeaver'
      ? [given.personId]
      : channel === 'leavers:apply'
        ? (given.choices ?? []).map((c) => c.personId)
        : [];
  if (people.length === 0 || people.some((id) => typeof id !== 'string')) return false;
  const open = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM accounts WHERE person_id = ? AND status IN ('pending', 'active', 'suspended')`,
  );
  return people.every((id) => open.get(id as string)!.n === 0);
}

/** The connection went away mid-sync (network cut, server restarted). */
function isDropped(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: string }).code ?? '';
  return (
    /Connection terminated|ECONNRESET|EPIPE|Client has encountered a connection error|not queryable/i.test(
      message,
    ) ||
    code === '57P01' ||
    code.startsWith('08')
  );
}

/** After a mutating call on a linked workstation: push it now if the register can be reached. */
export async function syncAfterCommand(ctx: ServiceContext): Promise<void> {
  const db = ctx.session.store?.db;
  if (!db || !readTrustLink(db)) return;
  if (syncStatusOf(db).queued === 0) return;
  // A context of its own: what the pull applies must not be recorded as this command's changes.
  await syncOnce(new ServiceContext(ctx.deps)).catch(() => undefined);
}
