/** Workstation settings kept in the encrypted store. */
import { DEFAULT_TRUST_NAME, IDLE_LOCK_MINUTES, type Settings } from '../../shared/model';
import type { Handlers } from '../service-context';
import type { Db } from '../store/database';

const KEYS = {
  idleLockMinutes: 'idle_lock_minutes',
  trustName: 'trust_name',
  lockOnCardRemoval: 'lock_on_card_removal',
} as const;

export function readSettings(db: Db): Settings {
  const value = (key: string) =>
    db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value;
  const minutes = Number.parseInt(value(KEYS.idleLockMinutes) ?? '', 10);
  return {
    idleLockMinutes: Number.isInteger(minutes) ? minutes : IDLE_LOCK_MINUTES.default,
    trustName: value(KEYS.trustName) ?? DEFAULT_TRUST_NAME,
    lockOnCardRemoval: value(KEYS.lockOnCardRemoval) !== 'off',
  };
}

export const settingsHandlers: Pick<Handlers, 'settings:get' | 'settings:update'> = {
  'settings:get': (ctx) => readSettings(ctx.db()),

  'settings:update': (ctx, input) => {
    ctx.requireUnscoped();
    const before = readSettings(ctx.db());
    const write = ctx
      .db()
      .prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      );
    ctx.transact((audit) => {
      if (input.idleLockMinutes !== undefined) write.run(KEYS.idleLockMinutes, String(input.idleLockMinutes));
      if (input.trustName !== undefined) write.run(KEYS.trustName, input.trustName);
      if (input.lockOnCardRemoval !== undefined)
        write.run(KEYS.lockOnCardRemoval, input.lockOnCardRemoval ? 'on' : 'off');
      audit({
        action: 'settings.updated',
        subject: { type: 'settings', id: 'workstation', label: 'Workstation settings' },
        before: { ...before },
        after: { ...input },
      });
    });
    const after = readSettings(ctx.db());
    ctx.session.setIdleLockMinutes(after.idleLockMinutes);
    ctx.deps.emitSessionChanged();
    return after;
  },
};
