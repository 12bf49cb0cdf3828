/**
 * The Trust's smartcard settings (issue 4 §1, §2): an ATR table imported from pcsc-tools'
 * smartcard_list.txt (the NHS entries always come first), and the card profile saying where the
 * certificate and the UUID are. Kept in the store; given to the reader service at each sign-in and change.
 */
import { type AtrEntry, NHS_ATRS, parseAtrTable } from '../../shared/atr-table';
import { type CardProfile, cardProfileSchema, NHS_PROFILE } from '../../shared/smartcard';
import type { Handlers, ServiceContext } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';

const KEYS = { table: 'smartcard_atr_table', profile: 'smartcard_profile' } as const;

export interface SmartcardConfiguration {
  profile: CardProfile;
  atrTable: AtrEntry[];
  importedEntries: number;
}

function stored(db: Db, key: string): unknown {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row ? JSON.parse(row.value) : null;
}

export function readSmartcardConfiguration(db: Db): SmartcardConfiguration {
  const imported = (stored(db, KEYS.table) as AtrEntry[] | null) ?? [];
  const profile = cardProfileSchema.safeParse(stored(db, KEYS.profile));
  return {
    profile: profile.success ? profile.data : NHS_PROFILE,
    atrTable: [...NHS_ATRS, ...imported],
    importedEntries: imported.length,
  };
}

/** Hand the stored configuration to the host's readers, if it has them. */
export function configureReaders(ctx: ServiceContext): SmartcardConfiguration {
  const configuration = readSmartcardConfiguration(ctx.db());
  ctx.deps.smartcard?.configure?.(configuration);
  return configuration;
}

function save(
  ctx: ServiceContext,
  key: string,
  value: unknown,
  label: string,
  after: Record<string, string | number>,
): void {
  ctx.requireUnscoped();
  ctx.transact((audit) => {
    ctx
      .db()
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
    audit({ action: 'settings.updated', subject: { type: 'settings', id: key, label }, after });
  });
}

const view = (c: SmartcardConfiguration) => ({
  profile: c.profile,
  atrEntries: c.atrTable.length,
  importedEntries: c.importedEntries,
});

export const smartcardSettingsHandlers: Pick<
  Handlers,
  'smartcard:configuration' | 'smartcard:importAtrTable' | 'smartcard:setProfile'
> = {
  'smartcard:configuration': (ctx) => view(readSmartcardConfiguration(ctx.db())),

  'smartcard:importAtrTable': (ctx, input) => {
    const parsed = parseAtrTable(input.content);
    if (!parsed.ok)
      throw new GatehouseError('INVALID_INPUT', `${input.fileName} was not imported: ${parsed.message}`);
    save(ctx, KEYS.table, parsed.entries, 'Smartcard ATR table', {
      file: input.fileName,
      entries: parsed.entries.length,
    });
    return view(configureReaders(ctx));
  },

  'smartcard:setProfile': (ctx, input) => {
    save(ctx, KEYS.profile, input.profile, 'Smartcard profile', {
      profile: input.profile.name,
      aid: input.profile.aid,
    });
    return view(configureReaders(ctx));
  },
};
