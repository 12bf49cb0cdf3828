/** Downtime incidents (DT-1, DT-2); tasks raised while their system is down are kept for reconciliation. */
import type { Migration } from './types';

export const downtimeMigration: Migration = {
  version: 6,
  name: 'downtime',
  up(db) {
    db.exec(`
      CREATE TABLE downtime_incidents (
        id           TEXT PRIMARY KEY,
        system_id    TEXT NOT NULL REFERENCES systems(id),
        severity     TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'moderate', 'standard')),
        started_at   TEXT NOT NULL,
        ended_at     TEXT,
        note         TEXT NOT NULL,
        reported_by  TEXT NOT NULL REFERENCES operators(id),
        ended_by     TEXT REFERENCES operators(id)
      ) STRICT;
      CREATE INDEX downtime_system ON downtime_incidents (system_id, ended_at);
      ALTER TABLE tasks ADD COLUMN incident_id TEXT REFERENCES downtime_incidents(id);
      -- For the dashboard's temporary staff ending soon (REG-11).
      CREATE INDEX people_finishing ON people (finishing_date) WHERE finishing_date IS NOT NULL;
    `);
  },
};
