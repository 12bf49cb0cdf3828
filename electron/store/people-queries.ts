/** Reading people and accounts, and keeping the search index in step with them. */
import { cached } from './statement-cache';
import type { Account, Person, PersonSummary } from '../../shared/register';
import type { Db } from './database';

export interface PersonRow {
  rowid: number;
  id: string;
  employee_number: string | null;
  name: string;
  job_role: string | null;
  team: string | null;
  directorate: string | null;
  organisation: string | null;
  line_manager_id: string | null;
  employment_type: Person['employmentType'];
  finishing_date: string | null;
  smartcard_uuid: string | null;
  email: string | null;
  digital_staff: number;
  status: 'active' | 'leaver';
  left_on: string | null;
}

interface AccountRow {
  id: string;
  person_id: string;
  system_id: string;
  system_name: string;
  role: string;
  kind: Account['kind'];
  username: string | null;
  status: Account['status'];
  created_at: string;
  last_activity_at: string | null;
  generic_ig_reference: string | null;
  generic_end_date: string | null;
}

export function toSummary(row: PersonRow): PersonSummary {
  return {
    id: row.id,
    name: row.name,
    employeeNumber: row.employee_number,
    jobRole: row.job_role,
    team: row.team,
    smartcardUuid: row.smartcard_uuid,
    status: row.status,
  };
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    personId: row.person_id,
    systemId: row.system_id,
    systemName: row.system_name,
    role: row.role,
    kind: row.kind,
    username: row.username,
    status: row.status,
    createdAt: row.created_at,
    lastActivityAt: row.last_activity_at,
    genericIgReference: row.generic_ig_reference,
    genericEndDate: row.generic_end_date,
  };
}

export function personRow(db: Db, id: string): PersonRow | undefined {
  return cached<[string], PersonRow>(db, 'SELECT rowid, * FROM people WHERE id = ?').get(id);
}

export function accountsOf(db: Db, personId: string): Account[] {
  return cached<[string], AccountRow>(
    db,
    `SELECT a.*, s.name AS system_name FROM accounts a JOIN systems s ON s.id = a.system_id
       WHERE a.person_id = ? ORDER BY s.name COLLATE NOCASE, a.kind`,
  )
    .all(personId)
    .map(toAccount);
}

export function personDetail(db: Db, row: PersonRow): Person {
  const manager = row.line_manager_id ? personRow(db, row.line_manager_id) : undefined;
  return {
    ...toSummary(row),
    directorate: row.directorate,
    organisation: row.organisation,
    lineManager: manager ? { id: manager.id, name: manager.name } : null,
    employmentType: row.employment_type,
    finishingDate: row.finishing_date,
    email: row.email,
    digitalStaff: row.digital_staff === 1,
    leftOn: row.left_on,
    accounts: accountsOf(db, row.id),
  };
}

/** Rewrite one person's search terms; call after any change to them or their accounts. */
export function refreshSearchTerms(db: Db, personId: string): void {
  const row = personRow(db, personId);
  if (!row) return;
  const usernames = cached<[string], { username: string }>(
    db,
    'SELECT DISTINCT username FROM accounts WHERE person_id = ? AND username IS NOT NULL',
  )
    .all(personId)
    .map((r) => r.username);
  const terms = [row.name, row.employee_number, row.smartcard_uuid, ...usernames].filter(Boolean).join(' ');
  cached(db, 'DELETE FROM people_search WHERE rowid = ?').run(row.rowid);
  cached(db, 'INSERT INTO people_search (rowid, terms) VALUES (?, ?)').run(row.rowid, terms);
}

/** "jo smi" -> `"jo"* AND "smi"*`: every word must start some term. Quotes cannot escape. */
export function matchExpression(query: string): string | null {
  const words = query
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' AND ');
}

export function searchPeople(
  db: Db,
  query: string,
  offset: number,
  limit: number,
): { total: number; results: PersonSummary[] } {
  const match = matchExpression(query);
  if (match === null) {
    const total = (cached(db, 'SELECT count(*) AS n FROM people').get() as { n: number }).n;
    const rows = cached<[number, number], PersonRow>(
      db,
      'SELECT rowid, * FROM people ORDER BY name COLLATE NOCASE LIMIT ? OFFSET ?',
    ).all(limit, offset);
    return { total, results: rows.map(toSummary) };
  }
  const total = (
    cached(db, 'SELECT count(*) AS n FROM people_search WHERE people_search MATCH ?').get(match) as {
      n: number;
    }
  ).n;
  const rows = cached<[string, number, number], PersonRow>(
    db,
    `SELECT p.rowid, p.* FROM people_search s JOIN people p ON p.rowid = s.rowid
       WHERE people_search MATCH ? ORDER BY p.name COLLATE NOCASE LIMIT ? OFFSET ?`,
  ).all(match, limit, offset);
  return { total, results: rows.map(toSummary) };
}
