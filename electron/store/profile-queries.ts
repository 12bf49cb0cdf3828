/** Reading and writing access profiles (issue 13 §1), and the register facts matching needs. */
import { type AccessProfile, type Position, positionKey } from '../../shared/access-profiles';
import type { HeldAccount, PersonPosition } from '../../shared/policy/access-profiles';
import type { Db } from './database';

interface ProfileRow {
  id: string;
  job_role: string | null;
  team: string | null;
  directorate: string | null;
  organisation: string | null;
  updated_at: string;
}

interface ProfileAccountRow {
  profile_id: string;
  system_id: string;
  system_name: string;
  role: string;
  purpose_kind: AccessProfile['accounts'][number]['purposeKind'];
}

export function listProfiles(db: Db): AccessProfile[] {
  const accounts = new Map<string, AccessProfile['accounts']>();
  for (const row of db
    .prepare<[], ProfileAccountRow>(
      `SELECT pa.profile_id, pa.system_id, s.name AS system_name, pa.role, pa.purpose_kind
       FROM access_profile_accounts pa JOIN systems s ON s.id = pa.system_id
       ORDER BY pa.profile_id, pa.position`,
    )
    .all()) {
    const list = accounts.get(row.profile_id) ?? [];
    list.push({
      systemId: row.system_id,
      systemName: row.system_name,
      role: row.role,
      purposeKind: row.purpose_kind,
    });
    accounts.set(row.profile_id, list);
  }
  return db
    .prepare<[], ProfileRow>(
      `SELECT id, job_role, team, directorate, organisation, updated_at FROM access_profiles
       ORDER BY job_role IS NULL, job_role COLLATE NOCASE, team COLLATE NOCASE, directorate COLLATE NOCASE,
         organisation COLLATE NOCASE`,
    )
    .all()
    .map((row) => ({
      id: row.id,
      position: {
        jobRole: row.job_role,
        team: row.team,
        directorate: row.directorate,
        organisation: row.organisation,
      },
      accounts: accounts.get(row.id) ?? [],
      updatedAt: row.updated_at,
    }));
}

export function profileIdByPosition(db: Db, position: Position): string | null {
  return (
    db
      .prepare<[string], { id: string }>('SELECT id FROM access_profiles WHERE position_key = ?')
      .get(positionKey(position))?.id ?? null
  );
}

/** Replaces a profile's position and accounts (or adds it), in the caller's transaction. */
export function writeProfile(db: Db, id: string, profile: AccessProfile, now: string, isNew: boolean): void {
  const p = profile.position;
  if (isNew)
    db.prepare(
      `INSERT INTO access_profiles (id, job_role, team, directorate, organisation, position_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, p.jobRole, p.team, p.directorate, p.organisation, positionKey(p), now, now);
  else
    db.prepare(
      `UPDATE access_profiles SET job_role = ?, team = ?, directorate = ?, organisation = ?, position_key = ?, updated_at = ?
       WHERE id = ?`,
    ).run(p.jobRole, p.team, p.directorate, p.organisation, positionKey(p), now, id);
  db.prepare('DELETE FROM access_profile_accounts WHERE profile_id = ?').run(id);
  const insert = db.prepare(
    'INSERT INTO access_profile_accounts (profile_id, system_id, role, purpose_kind, position) VALUES (?, ?, ?, ?, ?)',
  );
  profile.accounts.forEach((a, i) => insert.run(id, a.systemId, a.role, a.purposeKind, i));
}

export function deleteProfile(db: Db, id: string): void {
  db.prepare('DELETE FROM access_profiles WHERE id = ?').run(id);
}

export interface RegisterPerson extends PersonPosition {
  id: string;
  name: string;
  employeeNumber: string | null;
  lineManagerName: string | null;
}

/**
 * Every person still at the Trust, with their position. One scan of the table (the whole register is
 * matched at once for the outside-profile report); line managers' names are looked up in memory.
 */
export function activePeople(db: Db): RegisterPerson[] {
  const rows = db
    .prepare<
      [],
      {
        id: string;
        name: string;
        employee_number: string | null;
        job_role: string | null;
        team: string | null;
        directorate: string | null;
        organisation: string | null;
        line_manager_id: string | null;
        status: string;
      }
    >(
      `SELECT id, name, employee_number, job_role, team, directorate, organisation, line_manager_id, status
       FROM people`,
    )
    .all();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return rows
    .filter((r) => r.status === 'active')
    .map((r) => ({
      id: r.id,
      name: r.name,
      employeeNumber: r.employee_number,
      jobRole: r.job_role,
      team: r.team,
      directorate: r.directorate,
      organisation: r.organisation,
      lineManagerName: r.line_manager_id ? (names.get(r.line_manager_id) ?? null) : null,
    }));
}

/**
 * Live accounts (pending, active, suspended) by person, for matching many people at once. For the whole
 * register a plain scan of the table beats the status index (most accounts are live), and system names
 * come from the small systems table rather than a join per row.
 */
export function liveAccountsByPerson(db: Db, personId?: string): Map<string, HeldAccount[]> {
  const systemNames = new Map(
    db
      .prepare<[], { id: string; name: string }>('SELECT id, name FROM systems')
      .all()
      .map((s) => [s.id, s.name]),
  );
  const rows = db
    .prepare<
      unknown[],
      { id: string; person_id: string; system_id: string; role: string; kind: HeldAccount['kind'] }
    >(
      personId
        ? `SELECT id, person_id, system_id, role, kind FROM accounts
           WHERE person_id = ? AND status IN ('pending', 'active', 'suspended')`
        : `SELECT id, person_id, system_id, role, kind FROM accounts
           WHERE +status IN ('pending', 'active', 'suspended')`,
    )
    .all(...(personId ? [personId] : []));
  const byPerson = new Map<string, HeldAccount[]>();
  for (const r of rows) {
    const list = byPerson.get(r.person_id) ?? [];
    list.push({
      id: r.id,
      systemId: r.system_id,
      systemName: systemNames.get(r.system_id) ?? r.system_id,
      role: r.role,
      kind: r.kind,
    });
    byPerson.set(r.person_id, list);
  }
  return byPerson;
}
