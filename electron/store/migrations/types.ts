import type { Db } from '../database';

/** One schema step. `up` runs inside the transaction that also sets `PRAGMA user_version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
