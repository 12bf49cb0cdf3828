/** Operators scoped to systems (Appendix 1 names a different administrator per system). No rows = every system. */
import type { Migration } from './types';

export const operatorScopeMigration: Migration = {
  version: 7,
  name: 'operator-scope',
  up(db) {
    db.exec(`
      CREATE TABLE operator_systems (
        operator_id  TEXT NOT NULL REFERENCES operators(id),
        system_id    TEXT NOT NULL REFERENCES systems(id),
        PRIMARY KEY (operator_id, system_id)
      ) STRICT;
    `);
  },
};
