/**
 * The register tables a workstation's store shares with the Trust register, with their keys. The
 * same names and columns on both sides (test/trust/schema-parity.test.ts holds them in step); the
 * server adds `row_version` to every row and keeps a few columns of its own.
 */
import { SYNCED_TABLES_0001 } from './server/migrations/0001-roles-and-register';
import { KEYS_0009, SYNCED_TABLES_0009 } from './server/migrations/0009-shared-reference-data';
import { KEYS_0010, SYNCED_TABLES_0010 } from './server/migrations/0010-shared-access-reviews';

export type SyncedTable =
  | (typeof SYNCED_TABLES_0001)[number]
  | (typeof SYNCED_TABLES_0009)[number]
  | (typeof SYNCED_TABLES_0010)[number];

/** In an order where each table's references come before it (the copy and the pull insert in it). */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  ...SYNCED_TABLES_0001,
  ...SYNCED_TABLES_0009,
  ...SYNCED_TABLES_0010,
];

export const PRIMARY_KEYS: Record<SyncedTable, readonly string[]> = {
  operators: ['id'],
  operator_systems: ['operator_id', 'system_id'],
  systems: ['id'],
  system_roles: ['system_id', 'name'],
  licence_allocations: ['system_id', 'organisation', 'year'],
  people: ['id'],
  accounts: ['id'],
  suspensions: ['id'],
  requests: ['id'],
  tasks: ['id'],
  ...KEYS_0009,
  ...KEYS_0010,
};

/** Columns only the server has (besides every row's version). */
export const SERVER_ONLY_COLUMNS: Partial<Record<SyncedTable, readonly string[]>> = {};
export const ROW_VERSION = 'row_version';
