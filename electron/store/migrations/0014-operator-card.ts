/** An operator may be linked to their smartcard's UUID: they then sign in with passphrase and card. */
import type { Migration } from './types';

export const operatorCardMigration: Migration = {
  version: 14,
  name: 'operator-card',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN card_uuid TEXT;
      -- USE-1: a card is one person's alone.
      CREATE UNIQUE INDEX operators_card_uuid ON operators (card_uuid) WHERE card_uuid IS NOT NULL;
    `);
  },
};
