/** One step of the Trust register's PostgreSQL schema: SQL run in one transaction with its version. */
export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}
