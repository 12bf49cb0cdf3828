/**
 * The catalogue (CAT-1, CAT-2) and the bank holidays the SLA clock counts with (REG-7), seeded with
 * Appendix 1 and the England and Wales bank holidays 2020-2027.
 */
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../../shared/policy/bank-holidays';
import { INACTIVITY_DAYS } from '../../../shared/catalogue';
import { APPENDIX_1 } from '../seed/appendix-1';
import type { Migration } from './types';

export const catalogueMigration: Migration = {
  version: 2,
  name: 'catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE systems (
        id                     TEXT PRIMARY KEY,
        name                   TEXT NOT NULL UNIQUE,
        administrator_title    TEXT NOT NULL,
        contact_route          TEXT NOT NULL,
        description            TEXT NOT NULL,
        holds_patient_records  INTEGER NOT NULL CHECK (holds_patient_records IN (0, 1)),
        deletion_allowed       INTEGER NOT NULL CHECK (deletion_allowed IN (0, 1)),
        direct_care_only       INTEGER NOT NULL CHECK (direct_care_only IN (0, 1)),
        inactivity_days        INTEGER NOT NULL CHECK (inactivity_days BETWEEN ${INACTIVITY_DAYS.min} AND ${INACTIVITY_DAYS.max}),
        sla_target_days        INTEGER NOT NULL CHECK (sla_target_days >= 0),
        sla_interim_days       INTEGER NOT NULL CHECK (sla_interim_days >= 0),
        procedure_location     TEXT NOT NULL,
        procedure_reviewed_on  TEXT,
        down_since             TEXT,
        down_severity          TEXT CHECK (down_severity IN ('critical', 'high', 'moderate', 'standard')),
        down_note              TEXT
      ) STRICT;

      CREATE TABLE system_roles (
        system_id      TEXT NOT NULL REFERENCES systems(id),
        name           TEXT NOT NULL,
        prerequisites  TEXT NOT NULL,
        position       INTEGER NOT NULL,
        PRIMARY KEY (system_id, name)
      ) STRICT;

      CREATE TABLE licence_allocations (
        system_id     TEXT NOT NULL REFERENCES systems(id),
        organisation  TEXT NOT NULL,
        year          INTEGER NOT NULL,
        allocation    INTEGER NOT NULL CHECK (allocation >= 0),
        PRIMARY KEY (system_id, organisation, year)
      ) STRICT;

      CREATE TABLE bank_holidays (
        date   TEXT PRIMARY KEY,
        title  TEXT NOT NULL
      ) STRICT;
    `);
    const insertSystem = db.prepare(
      `INSERT INTO systems (id, name, administrator_title, contact_route, description, holds_patient_records,
         deletion_allowed, direct_care_only, inactivity_days, sla_target_days, sla_interim_days, procedure_location)
       VALUES (@id, @name, @administratorTitle, @contactRoute, @description, @holdsPatientRecords,
         @deletionAllowed, @directCareOnly, @inactivityDays, @slaTargetDays, @slaInterimDays, @procedureLocation)`,
    );
    const insertRole = db.prepare(
      'INSERT INTO system_roles (system_id, name, prerequisites, position) VALUES (?, ?, ?, ?)',
    );
    for (const system of APPENDIX_1) {
      insertSystem.run({
        id: system.id,
        name: system.name,
        administratorTitle: system.administratorTitle,
        contactRoute: system.contactRoute,
        description: system.description,
        holdsPatientRecords: system.holdsPatientRecords ? 1 : 0,
        deletionAllowed: (system.deletionAllowed ?? !system.holdsPatientRecords) ? 1 : 0,
        directCareOnly: system.directCareOnly ? 1 : 0,
        inactivityDays: INACTIVITY_DAYS.default,
        slaTargetDays: system.slaTargetDays ?? 1,
        slaInterimDays: system.slaInterimDays ?? 3,
        procedureLocation: 'Not yet recorded: add where the local procedure is kept (CAT-2)',
      });
      system.roles.forEach((role, position) =>
        insertRole.run(system.id, role.name, JSON.stringify(role.prerequisites), position),
      );
    }
    const insertHoliday = db.prepare('INSERT INTO bank_holidays (date, title) VALUES (?, ?)');
    for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) insertHoliday.run(holiday.date, holiday.title);
  },
};
