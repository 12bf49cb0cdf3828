/** Access requests (REG-1, REG-12) with their SLA start, and the set-up tasks they produce (REG-6). */
import type { Migration } from './types';

export const requestsMigration: Migration = {
  version: 4,
  name: 'requests',
  up(db) {
    db.exec(`
      CREATE TABLE requests (
        id                        TEXT PRIMARY KEY,
        reference                 TEXT NOT NULL,
        type                      TEXT NOT NULL CHECK (type IN ('new-user', 'amendment', 'deletion', 'reactivation')),
        person_id                 TEXT NOT NULL REFERENCES people(id),
        system_id                 TEXT NOT NULL REFERENCES systems(id),
        role                      TEXT,
        account_kind              TEXT NOT NULL CHECK (account_kind IN ('normal', 'admin', 'generic')),
        account_id                TEXT REFERENCES accounts(id),
        purpose                   TEXT NOT NULL,
        purpose_kind              TEXT NOT NULL CHECK (purpose_kind IN ('direct-care', 'administration', 'secondary-use')),
        authorised_by             TEXT,
        authorised_on             TEXT,
        authorised_how            TEXT CHECK (authorised_how IN ('email', 'form', 'portal')),
        prerequisites_met         TEXT NOT NULL DEFAULT '[]',
        generic_ig_reference      TEXT,
        generic_end_date          TEXT,
        licence_override_reason   TEXT,
        state                     TEXT NOT NULL CHECK (state IN ('awaiting-authorisation', 'referred', 'awaiting-prerequisites',
                                    'ready', 'completed', 'rejected', 'withdrawn')),
        state_note                TEXT,
        received_at               TEXT NOT NULL,
        sla_started_on            TEXT,
        sla_target_due            TEXT,
        sla_interim_due           TEXT,
        completed_at              TEXT,
        created_by                TEXT NOT NULL REFERENCES operators(id)
      ) STRICT;
      CREATE INDEX requests_state ON requests (state);
      CREATE INDEX requests_person ON requests (person_id);

      CREATE TABLE tasks (
        id           TEXT PRIMARY KEY,
        request_id   TEXT REFERENCES requests(id),
        person_id    TEXT NOT NULL REFERENCES people(id),
        system_id    TEXT NOT NULL REFERENCES systems(id),
        account_id   TEXT REFERENCES accounts(id),
        action       TEXT NOT NULL CHECK (action IN ('create-account', 'change-role', 'delete-account', 'disable-account',
                       'reactivate-account', 'suspend-account', 'suspend-smartcard')),
        new_role     TEXT,
        description  TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
        details      TEXT,
        created_at   TEXT NOT NULL,
        done_at      TEXT,
        done_by      TEXT REFERENCES operators(id)
      ) STRICT;
      CREATE INDEX tasks_state ON tasks (state);
      CREATE INDEX tasks_person ON tasks (person_id);
    `);
  },
};
