/**
 * First run, sign-in, the acceptable use acknowledgement (USE-2), sign-out and the operator's own
 * passphrase change. A wrong passphrase changes nothing in the store; only the back-off record
 * beside it grows.
 */
import { ACCEPTABLE_USE_VERSION } from '../../shared/policy/acceptable-use';
import type { Handlers } from '../service-context';
import { publicKeyOf } from '../store/audit-signing';
import { GatehouseError, isGatehouseError } from '../store/errors';
import { openSlot, readKeySlots, wrapSlot } from '../store/key-slots';
import {
  createStore,
  NOT_RECOGNISED,
  operatorSystems,
  unlockStore,
  updateKeySlots,
} from '../store/open-store';
import { requireStrongPassphrase } from './passphrase-policy';
import { type OperatorCard, operatorCardForSignIn } from './operator-card';
import { readSettings } from './settings';
import { configureReaders } from './smartcard-settings';
import { checkOfflineGrace } from '../trust/offline-grace';
import { changeTrustPassword } from '../trust/passphrase-change';
import { rememberTrustPassphrase } from '../trust/trust-secret';

export function waitMessage(seconds: number): string {
  return `Too many unsuccessful attempts for this name. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`;
}

export const sessionHandlers: Pick<
  Handlers,
  | 'session:status'
  | 'session:createFirstAdministrator'
  | 'session:signIn'
  | 'session:acknowledgeAcceptableUse'
  | 'session:signOut'
  | 'session:touch'
  | 'session:changePassphrase'
> = {
  'session:status': (ctx) => ctx.session.state(),

  'session:createFirstAdministrator': async (ctx, input) => {
    requireStrongPassphrase(input.passphrase, input.name);
    const now = ctx.clock.now();
    const { store, operatorId, publicKey } = await createStore(ctx.deps.paths, input, ctx.deps.kdf, now);
    ctx.session.begin(
      store,
      { id: operatorId, name: input.name, role: 'administrator', systems: null },
      readSettings(store.db).idleLockMinutes,
    );
    rememberTrustPassphrase(store, input.passphrase);
    ctx.transact((audit) => {
      audit({
        action: 'store.created',
        subject: { type: 'store', id: store.storeId, label: 'Gatehouse store' },
      });
      audit({
        action: 'operator.added',
        subject: { type: 'operator', id: operatorId, label: input.name },
        after: { name: input.name, role: 'administrator', firstRun: true, signingKey: publicKey },
      });
      audit({ action: 'session.signed-in', after: { host: ctx.deps.host } });
    });
    ctx.deps.emitSessionChanged();
    return ctx.session.state();
  },

  'session:signIn': async (ctx, input) => {
    const { throttle } = ctx.deps;
    // Checked and counted in one step across processes (issue 10 §4): the attempt is a failure until
    // the passphrase proves otherwise.
    const { wait } = throttle.begin(input.name);
    if (wait > 0) throw new GatehouseError('THROTTLED', waitMessage(wait));
    let unlocked;
    try {
      unlocked = await unlockStore(ctx.deps.paths, input.name, input.passphrase);
    } catch (error) {
      if (isGatehouseError(error) && error.code === 'PASSPHRASE_NOT_RECOGNISED') {
        const next = throttle.waitSeconds(input.name);
        throw new GatehouseError(
          error.code,
          next > 0 ? `${error.message} ${waitMessage(next)}` : error.message,
        );
      }
      // Not a wrong passphrase (a damaged key slot, a missing store): not held against the operator.
      throttle.release(input.name);
      throw error;
    }
    const { store, operator, newPublicKey } = unlocked;
    let card: OperatorCard | null;
    try {
      await checkOfflineGrace(store.db, operator.id, input.passphrase, ctx.clock.now());
      card = operatorCardForSignIn(store.db, operator.id, ctx.deps.smartcard);
    } catch (error) {
      store.close(); // right passphrase, but no card or the register is needed: nothing stays unlocked
      throttle.release(input.name);
      throw error;
    }
    const failedBefore = throttle.recordSuccess(input.name);
    ctx.session.begin(
      store,
      {
        id: operator.id,
        name: operator.name,
        role: operator.role,
        systems: operatorSystems(store.db, operator.id),
      },
      readSettings(store.db).idleLockMinutes,
      card,
    );
    rememberTrustPassphrase(store, input.passphrase);
    ctx.transact((audit) => {
      store.db
        .prepare('UPDATE operators SET last_sign_in_at = ? WHERE id = ?')
        .run(ctx.clock.now().toISOString(), operator.id);
      // An operator from before signatures: their new public key goes on the record first, so the
      // trail itself says which key signs their events from now on (issue 10 §1).
      const publicKey =
        newPublicKey ?? (operator.signing_public_key === null ? publicKeyOf(store.signingKey) : null);
      if (publicKey !== null) {
        store.db
          .prepare('UPDATE operators SET signing_public_key = ? WHERE id = ?')
          .run(publicKey, operator.id);
        audit({
          action: 'operator.signing-key-added',
          subject: { type: 'operator', id: operator.id, label: operator.name },
          after: { signingKey: publicKey },
        });
      }
      audit({
        action: 'session.signed-in',
        after: { host: ctx.deps.host, failedAttemptsBefore: failedBefore, smartcard: card?.uuid ?? null },
      });
    });
    configureReaders(ctx);
    ctx.deps.emitSessionChanged();
    return ctx.session.state();
  },

  'session:acknowledgeAcceptableUse': (ctx, input) => {
    if (input.version !== ACCEPTABLE_USE_VERSION) {
      throw new GatehouseError(
        'INVALID_INPUT',
        'The acceptable use statement has changed since it was shown. Read the current statement and acknowledge it.',
      );
    }
    ctx.transact((audit) =>
      audit({ action: 'session.acceptable-use-acknowledged', after: { version: input.version } }),
    );
    ctx.session.acknowledge();
    ctx.deps.emitSessionChanged();
    return ctx.session.state();
  },

  'session:signOut': (ctx) => {
    ctx.transact((audit) => audit({ action: 'session.signed-out' }));
    ctx.session.end('signed-out');
    ctx.deps.emitSessionChanged();
    return ctx.session.state();
  },

  'session:touch': (ctx) => ({ idleLockAt: ctx.session.touch().toISOString() }),

  'session:changePassphrase': async (ctx, input) => {
    const operator = ctx.actor();
    const store = ctx.session.store;
    if (!store) throw new GatehouseError('NOT_SIGNED_IN', 'Sign in first.');
    const slots = readKeySlots(store.paths.keySlots);
    const slot = slots.slots.find((s) => s.operatorId === operator.id);
    const current = slot ? await openSlot(slot, input.current, slots.storeId) : null;
    if (!slot || !current) throw new GatehouseError('PASSPHRASE_NOT_RECOGNISED', NOT_RECOGNISED);
    current.dataKey.fill(0);
    current.signingKey.fill(0);
    if (input.next === input.current) {
      throw new GatehouseError(
        'WEAK_PASSPHRASE',
        'Choose a new passphrase that differs from the current one.',
      );
    }
    requireStrongPassphrase(input.next, operator.name);
    await changeTrustPassword(store.db, operator.id, input.current, input.next);
    const replacement = await wrapSlot(
      { dataKey: store.dataKey, signingKey: store.signingKey },
      input.next,
      { storeId: store.storeId, operatorId: operator.id, nameHash: slot.nameHash },
      ctx.deps.kdf,
    );
    const changedAt = ctx.clock.now().toISOString();
    // The slot file is the lock; rewrite it first, and put the old slot back if the audit fails.
    updateKeySlots(store, (all) => all.map((s) => (s.operatorId === operator.id ? replacement : s)));
    try {
      ctx.transact((audit) => {
        ctx
          .db()
          .prepare('UPDATE operators SET passphrase_changed_at = ? WHERE id = ?')
          .run(changedAt, operator.id);
        audit({
          action: 'operator.passphrase-changed',
          subject: { type: 'operator', id: operator.id, label: operator.name },
        });
      });
    } catch (error) {
      updateKeySlots(store, (all) => all.map((s) => (s.operatorId === operator.id ? slot : s)));
      throw error;
    }
    rememberTrustPassphrase(store, input.next);
    return { changedAt };
  },
};
