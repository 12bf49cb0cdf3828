/** Reading catalogue systems from the store. */
import type { CatalogueSystem, Prerequisite } from '../../shared/catalogue';
import type { Db } from './database';

interface SystemRow {
  id: string;
  name: string;
  administrator_title: string;
  contact_route: string;
  description: string;
  holds_patient_records: number;
  deletion_allowed: number;
  direct_care_only: number;
  inactivity_days: number;
  sla_target_days: number;
  sla_interim_days: number;
  procedure_location: string;
  procedure_reviewed_on: string | null;
  down_since: string | null;
  down_severity: 'critical' | 'high' | 'moderate' | 'standard' | null;
  down_note: string | null;
}

function toSystem(db: Db, row: SystemRow): CatalogueSystem {
  const roles = db
    .prepare<[string], { name: string; prerequisites: string }>(
      'SELECT name, prerequisites FROM system_roles WHERE system_id = ? ORDER BY position',
    )
    .all(row.id)
    .map((r) => ({ name: r.name, prerequisites: JSON.parse(r.prerequisites) as Prerequisite[] }));
  const licenceAllocations = db
    .prepare<[string], { organisation: string; year: number; allocation: number }>(
      'SELECT organisation, year, allocation FROM licence_allocations WHERE system_id = ? ORDER BY year DESC, organisation',
    )
    .all(row.id);
  return {
    id: row.id,
    name: row.name,
    administratorTitle: row.administrator_title,
    contactRoute: row.contact_route,
    description: row.description,
    holdsPatientRecords: row.holds_patient_records === 1,
    deletionAllowed: row.deletion_allowed === 1,
    directCareOnly: row.direct_care_only === 1,
    inactivityDays: row.inactivity_days,
    slaTargetDays: row.sla_target_days,
    slaInterimDays: row.sla_interim_days,
    procedureLocation: row.procedure_location,
    procedureReviewedOn: row.procedure_reviewed_on,
    roles,
    licenceAllocations,
    availability:
      row.down_since && row.down_severity
        ? { status: 'down', since: row.down_since, severity: row.down_severity, note: row.down_note ?? '' }
        : { status: 'available' },
  };
}

export function listSystems(db: Db): CatalogueSystem[] {
  return db
    .prepare<[], SystemRow>('SELECT * FROM systems ORDER BY name COLLATE NOCASE')
    .all()
    .map((row) => toSystem(db, row));
}

export function getSystem(db: Db, id: string): CatalogueSystem | undefined {
  const row = db.prepare<[string], SystemRow>('SELECT * FROM systems WHERE id = ?').get(id);
  return row ? toSystem(db, row) : undefined;
}

export function bankHolidaySet(db: Db): Set<string> {
  return new Set(
    db
      .prepare<[], { date: string }>('SELECT date FROM bank_holidays')
      .all()
      .map((r) => r.date),
  );
}
