/** Every migration, in order. Append only: a shipped migration is never edited. */
import { initialMigration } from './0001-initial';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initialMigration];
