/** Workstation settings kept in the encrypted store. */
import { IDLE_LOCK_MINUTES, type Settings } from '../../shared/model';
import type { Handlers } from '../service-context';
import type { Db } from '../store/database';

export function readSettings(db: Db): Settings {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get('idle_lock_minutes');
  const minutes = row ? Number.parseInt(row.value, 10) : Number.NaN;
  return { idleLockMinutes: Number.isInteger(minutes) ? minutes : IDLE_LOCK_MINUTES.default };
}

export const settingsHandlers: Pick<Handlers, 'settings:get' | 'settings:update'> = {
  'settings:get': (ctx) => readSettings(ctx.db()),

  'settings:update': (ctx, input) => {
    ctx.requireUnscoped();
    const before = readSettings(ctx.db());
    ctx.transact((audit) => {
      ctx
        .db()
        .prepare(
          `INSERT INTO settings (key, value) VALUES ('idle_lock_minutes', ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        .run(String(input.idleLockMinutes));
      audit({
        action: 'settings.updated',
        subject: { type: 'settings', id: 'workstation', label: 'Workstation settings' },
        before: { ...before },
        after: { idleLockMinutes: input.idleLockMinutes },
      });
    });
    ctx.session.setIdleLockMinutes(input.idleLockMinutes);
    ctx.deps.emitSessionChanged();
    return readSettings(ctx.db());
  },
};
