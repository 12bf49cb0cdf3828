/**
 * Operators: listing, adding (a new key slot) and revoking (slot removed, audit history kept).
 */
import { randomUUID } from 'node:crypto';
import type { Operator } from '../../shared/model';
import type { Handlers } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { newSigningKeyPair } from '../store/audit-signing';
import { sameName, wrapSlot } from '../store/key-slots';
import { type OperatorRow, operatorSystems, slotNameHash, updateKeySlots } from '../store/open-store';
import { requireStrongPassphrase } from './passphrase-policy';

function toOperator(db: Db, row: OperatorRow): Operator {
  return {
    systems: operatorSystems(db, row.id) ?? [],
    id: row.id,
    name: row.name,
    role: row.role,
    status: row.status,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSignInAt: row.last_sign_in_at,
    cardUuid: row.card_uuid,
  };
}

export function operatorById(db: Db, id: string): OperatorRow | undefined {
  return db.prepare<[string], OperatorRow>('SELECT * FROM operators WHERE id = ?').get(id);
}

function checkSystems(db: Db, systems: string[]): void {
  const unknown = systems.filter((id) => !db.prepare('SELECT 1 FROM systems WHERE id = ?').get(id));
  if (unknown.length > 0)
    throw new GatehouseError(
      'NOT_FOUND',
      `Not in the catalogue: ${unknown.join(', ')}. Choose systems from the catalogue list.`,
    );
}

function writeSystems(db: Db, operatorId: string, systems: string[]): void {
  db.prepare('DELETE FROM operator_systems WHERE operator_id = ?').run(operatorId);
  const insert = db.prepare('INSERT INTO operator_systems (operator_id, system_id) VALUES (?, ?)');
  for (const system of new Set(systems)) insert.run(operatorId, system);
}

export const operatorHandlers: Pick<
  Handlers,
  'operators:list' | 'operators:add' | 'operators:setSystems' | 'operators:revoke'
> = {
  'operators:list': (ctx) =>
    ctx
      .db()
      .prepare<[], OperatorRow>(`SELECT * FROM operators ORDER BY status = 'revoked', lower(name)`)
      .all()
      .map((row) => toOperator(ctx.db(), row)),

  'operators:add': async (ctx, input) => {
    ctx.requireUnscoped();
    const store = ctx.session.store;
    if (!store) throw new GatehouseError('NOT_SIGNED_IN', 'Sign in first.');
    const active = ctx
      .db()
      .prepare<[], { name: string }>(`SELECT name FROM operators WHERE status = 'active'`)
      .all();
    if (active.some((row) => sameName(row.name, input.name))) {
      throw new GatehouseError(
        'CONFLICT',
        `There is already an operator called ${input.name}. Use a distinct name, such as one with a middle initial.`,
      );
    }
    requireStrongPassphrase(input.passphrase, input.name, 'new-operator');
    checkSystems(ctx.db(), input.systems);
    const id = randomUUID();
    // Their own signing key (issue 10 §1): the private half only ever in their slot, the public half
    // on the record in the event that adds them, signed by the administrator adding them.
    const signing = newSigningKeyPair();
    const slot = await (async () => {
      try {
        return await wrapSlot(
          { dataKey: store.dataKey, signingKey: signing.privateKey },
          input.passphrase,
          { storeId: store.storeId, operatorId: id, nameHash: slotNameHash(store, input.name) },
          ctx.deps.kdf,
        );
      } finally {
        signing.privateKey.fill(0);
      }
    })();
    const now = ctx.clock.now().toISOString();
    updateKeySlots(store, (slots) => [...slots, slot]);
    try {
      ctx.transact((audit) => {
        ctx
          .db()
          .prepare(
            `INSERT INTO operators (id, name, role, status, created_at, created_by, signing_public_key)
             VALUES (?, ?, ?, 'active', ?, ?, ?)`,
          )
          .run(id, input.name, input.role, now, ctx.actor().id, signing.publicKey);
        writeSystems(ctx.db(), id, input.systems);
        audit({
          action: 'operator.added',
          subject: { type: 'operator', id, label: input.name },
          after: {
            name: input.name,
            role: input.role,
            systems: input.systems,
            signingKey: signing.publicKey,
          },
        });
      });
    } catch (error) {
      updateKeySlots(store, (slots) => slots.filter((s) => s.operatorId !== id));
      throw error;
    }
    const row = operatorById(ctx.db(), id);
    if (!row) throw new Error('Operator vanished after insert');
    return toOperator(ctx.db(), row);
  },

  'operators:setSystems': (ctx, input) => {
    ctx.requireUnscoped();
    const target = operatorById(ctx.db(), input.id);
    if (!target || target.status !== 'active')
      throw new GatehouseError('NOT_FOUND', 'That operator is not active. Refresh the list.');
    checkSystems(ctx.db(), input.systems);
    const before = operatorSystems(ctx.db(), target.id) ?? [];
    ctx.transact((audit) => {
      writeSystems(ctx.db(), target.id, input.systems);
      audit({
        action: 'operator.scope-changed',
        subject: { type: 'operator', id: target.id, label: target.name },
        before: { systems: before },
        after: { systems: [...new Set(input.systems)].sort() },
      });
    });
    return toOperator(ctx.db(), operatorById(ctx.db(), target.id)!);
  },

  'operators:revoke': (ctx, input) => {
    ctx.requireUnscoped();
    const store = ctx.session.store;
    if (!store) throw new GatehouseError('NOT_SIGNED_IN', 'Sign in first.');
    const target = operatorById(ctx.db(), input.id);
    if (!target) throw new GatehouseError('NOT_FOUND', 'That operator no longer exists. Refresh the list.');
    if (target.status === 'revoked')
      throw new GatehouseError('CONFLICT', `${target.name} is already revoked.`);
    // Only administrators revoke, and never themselves, so an administrator always remains.
    if (target.id === ctx.actor().id) {
      throw new GatehouseError(
        'CONFLICT',
        'You cannot revoke your own access. Ask another administrator to do it.',
      );
    }
    const now = ctx.clock.now().toISOString();
    ctx.transact((audit) => {
      ctx
        .db()
        .prepare(`UPDATE operators SET status = 'revoked', revoked_at = ?, revoked_by = ? WHERE id = ?`)
        .run(now, ctx.actor().id, target.id);
      audit({
        action: 'operator.revoked',
        subject: { type: 'operator', id: target.id, label: target.name },
        reason: input.reason,
        before: { status: 'active', role: target.role },
        after: { status: 'revoked' },
      });
    });
    // The database already refuses a revoked operator; removing the slot means their passphrase
    // no longer unwraps the key at all.
    updateKeySlots(store, (slots) => slots.filter((s) => s.operatorId !== target.id));
    const row = operatorById(ctx.db(), target.id);
    if (!row) throw new Error('Operator vanished after revoke');
    return toOperator(ctx.db(), row);
  },
};
