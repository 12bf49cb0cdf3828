/**
 * sync:connect, sync:status, sync:now: join this store to the Trust register and keep its replica
 * up to date. Reads stay local; the register is brought down whole when the Trust chain has moved
 * past this replica's cursor.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { publicKeyOf } from '../store/audit-signing';
import { sameName, wrapSlot } from '../store/key-slots';
import { slotNameHash, updateKeySlots } from '../store/open-store';
import { displayUrl, parseTrustUrl } from './connection';
import {
  downloadRegister,
  localColumnsOf,
  readLocalRegister,
  recordFirstVersions,
  replaceLocalRegister,
  uploadRegister,
} from './register-copy';
import { offlineGraceHours } from './trust-settings';
import { readTrustLink, writeTrustLink } from './trust-state';
import { openTrust, syncOnce } from './sync-engine';
import { lastAttempt, syncStatus as status } from './sync-status';

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

export const syncHandlers: Pick<
  Handlers,
  'sync:status' | 'sync:connect' | 'sync:now' | 'sync:setOfflineGrace'
> = {
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
        'Name your login for the Trust register, in the address (postgres://LOGIN@HOST/DB) or as the login.',
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
        const { rows: heads } = await client.query<{ seq: string; hash: string }>(
          'SELECT seq, hash FROM gatehouse.events ORDER BY seq DESC LIMIT 1',
        );
        const head = Number(heads[0]!.seq);
        const headHash = heads[0]!.hash;
        ctx.transact((audit) => {
          db.prepare('UPDATE operators SET login = ? WHERE id = ?').run(login, actor.id);
          recordFirstVersions(db, readLocalRegister(db));
          writeTrustLink(db, { ...link, cursor: head, headHash, lastContact: ctx.clock.now().toISOString() });
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
        const { rows, head, headHash } = await downloadRegister(client, localColumnsOf(db));
        const store = ctx.session.store!;
        // The Trust's operator takes over this store's slot, with the signing key it already had.
        const slot = await wrapSlot(
          { dataKey: store.dataKey, signingKey: store.signingKey },
          input.passphrase,
          { storeId: store.storeId, operatorId: mine.id, nameHash: slotNameHash(store, actor.name) },
          ctx.deps.kdf,
        );
        updateKeySlots(store, (slots) => [...slots, slot]);
        ctx.transact((audit) => {
          replaceLocalRegister(db, rows);
          writeTrustLink(db, { ...link, cursor: head, headHash, lastContact: ctx.clock.now().toISOString() });
          // The trail records which key signs this operator's events here from now on (issue 10 §1).
          audit({
            action: 'operator.added',
            subject: { type: 'operator', id: mine.id, label: actor.name },
            after: { joinedFrom: 'trust-register', signingKey: publicKeyOf(store.signingKey) },
          });
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
        ctx.session.end('joined-register');
        ctx.deps.emitSessionChanged();
      }
      return result;
    } finally {
      await client.end().catch(() => undefined);
    }
  },

  'sync:setOfflineGrace': (ctx, input) => {
    ctx.requireUnscoped();
    const db = ctx.db();
    if (!readTrustLink(db)) {
      throw new GatehouseError(
        'NOT_FOUND',
        'The offline grace period is a Trust register setting: join this workstation to the register first.',
      );
    }
    const before = offlineGraceHours(db);
    ctx.transact((audit) => {
      db.prepare(
        `INSERT INTO trust_settings (key, value) VALUES ('offlineGraceHours', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(String(input.hours));
      audit({
        action: 'trust.settings-changed',
        before: { offlineGraceHours: before },
        after: { offlineGraceHours: input.hours },
      });
    });
    return status(ctx);
  },

  'sync:now': async (ctx) => {
    await syncOnce(ctx);
    return status(ctx);
  },
};
