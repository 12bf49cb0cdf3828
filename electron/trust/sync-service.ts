/**
 * sync:connect, sync:status, sync:now: join this store to the Trust register and keep its replica
 * up to date. Reads stay local; the register is brought down whole when the Trust chain has moved
 * past this replica's cursor.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SyncStatus } from '../../shared/contract/sync';
import type { Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { sameName, wrapDataKey } from '../store/key-slots';
import { updateKeySlots } from '../store/open-store';
import { clientConfig, connect, displayUrl, parseTrustUrl } from './connection';
import {
  downloadRegister,
  localColumnsOf,
  readLocalRegister,
  replaceLocalRegister,
  uploadRegister,
} from './register-copy';
import { refuseNewerServer, serverSchemaVersion } from './server/init-server';
import { SERVER_MIGRATIONS } from './server/migrations/index';
import { readTrustLink, writeTrustLink } from './trust-state';
import { trustPassphrase } from './trust-secret';

/** Reachability in this process (not saved: it is about now, not about the store). */
const lastAttempt = new WeakMap<object, { reachable: boolean; problem: string | null }>();

function status(ctx: ServiceContext): SyncStatus {
  const db = ctx.db();
  const link = readTrustLink(db);
  const attempt = lastAttempt.get(db) ?? null;
  return {
    connected: link !== null,
    server: link?.url ?? null,
    reachable: attempt?.reachable ?? null,
    problem: attempt?.problem ?? null,
    workstationId: link?.workstationId ?? null,
    queued: 0,
    conflicts: 0,
    cursor: link?.cursor ?? 0,
    lastContact: link?.lastContact ?? null,
  };
}

async function requireSameSchema(client: pg.Client): Promise<void> {
  const version = await serverSchemaVersion(client);
  refuseNewerServer(version);
  if (version < SERVER_MIGRATIONS.length) {
    throw new GatehouseError(
      'UNAVAILABLE',
      `The Trust register is at schema ${version} and this Gatehouse needs ${SERVER_MIGRATIONS.length}. Ask the Trust's database administrator to run gatehouse server init with this version.`,
    );
  }
}

async function openTrust(url: string, ca: string | null, login: string, passphrase: string) {
  const client = await connect(clientConfig({ url, ca }, { user: login, password: passphrase }));
  try {
    await requireSameSchema(client);
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

async function seedServer(ctx: ServiceContext, client: pg.Client, login: string): Promise<number> {
  const db = ctx.db();
  const actor = ctx.actor();
  const rows = readLocalRegister(db);
  rows.operators = rows.operators.map((o) => (o.id === actor.id ? { ...o, login } : o));
  await client.query('BEGIN');
  try {
    const count = await uploadRegister(client, rows);
    await client.query('SELECT gatehouse.append_event($1)', [
      JSON.stringify({
        at: ctx.clock.now().toISOString(),
        operator_id: actor.id,
        operator_name: actor.name,
        action: 'trust.register-set-up',
        after_json: JSON.stringify({ rows: count }),
      }),
    ]);
    await client.query('COMMIT');
    return count;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function requireFreshStore(ctx: ServiceContext): void {
  const db = ctx.db();
  const people = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  const operators = (db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
  if (people > 0 || operators > 1) {
    throw new GatehouseError(
      'CONFLICT',
      'This store already holds a register of its own and the Trust register is not empty. Join the Trust register from a new store (gatehouse init, then connect), or ask for this store’s records to be imported there.',
    );
  }
}

export const syncHandlers: Pick<Handlers, 'sync:status' | 'sync:connect' | 'sync:now'> = {
  'sync:status': (ctx) => status(ctx),

  'sync:connect': async (ctx, input) => {
    ctx.requireUnscoped();
    const db = ctx.db();
    const actor = ctx.actor();
    if (readTrustLink(db)) {
      throw new GatehouseError('CONFLICT', `This store is already joined to ${readTrustLink(db)!.url}.`);
    }
    const parsed = parseTrustUrl(input.url);
    const login = input.login ?? decodeURIComponent(parsed.username);
    if (!login) {
      throw new GatehouseError(
        'INVALID_INPUT',
        'Name your PostgreSQL login, in the address (postgres://LOGIN@HOST/DB) or with --login.',
      );
    }
    const client = await openTrust(input.url, input.ca, login, input.passphrase);
    try {
      const existing = await client.query<{ id: string; name: string; status: string }>(
        'SELECT id, name, status FROM gatehouse.operators WHERE login = $1',
        [login],
      );
      const empty =
        (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM gatehouse.operators')).rows[0]!
          .n === 0;
      const link = { url: displayUrl(input.url), ca: input.ca, workstationId: randomUUID() };
      if (empty) {
        const rows = await seedServer(ctx, client, login);
        const head = Number((await client.query('SELECT max(seq) AS s FROM gatehouse.events')).rows[0].s);
        ctx.transact((audit) => {
          db.prepare('UPDATE operators SET login = ? WHERE id = ?').run(login, actor.id);
          writeTrustLink(db, { ...link, cursor: head, lastContact: ctx.clock.now().toISOString() });
          audit({ action: 'trust.connected', after: { server: link.url, login, setUp: true, rows } });
        });
      } else {
        const mine = existing.rows[0];
        if (!mine || mine.status !== 'active' || !sameName(mine.name, actor.name)) {
          throw new GatehouseError(
            'FORBIDDEN',
            `The Trust register has no active operator ${actor.name} with the login ${login}. Ask an administrator connected to it to add you.`,
          );
        }
        requireFreshStore(ctx);
        const { rows, head } = await downloadRegister(client, localColumnsOf(db));
        const store = ctx.session.store!;
        const slot = await wrapDataKey(
          store.dataKey,
          input.passphrase,
          { storeId: store.storeId, operatorId: mine.id, name: actor.name },
          ctx.deps.kdf,
        );
        updateKeySlots(store, (slots) => [...slots, slot]);
        ctx.transact((audit) => {
          replaceLocalRegister(db, rows);
          writeTrustLink(db, { ...link, cursor: head, lastContact: ctx.clock.now().toISOString() });
          audit({
            action: 'trust.connected',
            after: { server: link.url, login, setUp: false, rows: rows.people.length },
          });
        });
        // This store's own first operator now is the Trust's: their new slot opens it, the old goes.
        updateKeySlots(store, (slots) => slots.filter((s) => s.operatorId !== actor.id || s === slot));
      }
      lastAttempt.set(db, { reachable: true, problem: null });
      const result = status(ctx);
      if (!empty) {
        ctx.session.end('signed-out');
        ctx.deps.emitSessionChanged();
      }
      return result;
    } finally {
      await client.end().catch(() => undefined);
    }
  },

  'sync:now': async (ctx) => {
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
    const passphrase = trustPassphrase(ctx.session.store!);
    if (!login || !passphrase) {
      throw new GatehouseError(
        'FORBIDDEN',
        'You have no login to the Trust register on this workstation. Ask an administrator to add you to it.',
      );
    }
    let client: pg.Client;
    try {
      client = await openTrust(link.url, link.ca, login, passphrase);
    } catch (error) {
      if (!(error instanceof GatehouseError) || error.code !== 'UNAVAILABLE') throw error;
      lastAttempt.set(db, { reachable: false, problem: error.message });
      return status(ctx);
    }
    try {
      const head = Number(
        (await client.query('SELECT coalesce(max(seq), 0) AS s FROM gatehouse.events')).rows[0].s,
      );
      if (head > link.cursor) {
        const { rows, head: at } = await downloadRegister(client, localColumnsOf(db));
        ctx.transact((audit) => {
          replaceLocalRegister(db, rows);
          writeTrustLink(db, { cursor: at });
          audit({ action: 'trust.pulled', after: { from: link.cursor, to: at } });
        });
      }
      writeTrustLink(db, { lastContact: ctx.clock.now().toISOString() });
      lastAttempt.set(db, { reachable: true, problem: null });
      return status(ctx);
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};
