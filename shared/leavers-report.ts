/**
 * The monthly HR leavers report as HR sends it (DIS-3): CSV with a name, a team and a leaving date,
 * sometimes an employee number. Header wording varies; names may be "Surname, First"; dates are UK or
 * ISO. A file whose structure is wrong is refused whole; a bad row is reported with its line.
 */
import { headerKey, parseCsv } from './csv';
import { parseUkOrIsoDate } from './dates';

export interface LeaverRow {
  line: number;
  name: string;
  team: string;
  leftOn: string;
  employeeNumber: string | null;
}

export type LeaversParse =
  { ok: true; rows: LeaverRow[]; problems: string[] } | { ok: false; message: string };

const HEADERS: Record<string, keyof Omit<LeaverRow, 'line'>> = {
  name: 'name',
  fullname: 'name',
  employeename: 'name',
  staffname: 'name',
  leaver: 'name',
  leavername: 'name',
  team: 'team',
  department: 'team',
  dept: 'team',
  ward: 'team',
  service: 'team',
  teamdepartment: 'team',
  leavingdate: 'leftOn',
  dateleft: 'leftOn',
  leftdate: 'leftOn',
  enddate: 'leftOn',
  terminationdate: 'leftOn',
  leavedate: 'leftOn',
  lastworkingday: 'leftOn',
  dateofleaving: 'leftOn',
  employeenumber: 'employeeNumber',
  employeeno: 'employeeNumber',
  assignmentnumber: 'employeeNumber',
  staffnumber: 'employeeNumber',
  payrollnumber: 'employeeNumber',
};

/** Names compared as people write them: accents, case, punctuation and "Surname, First" order ignored. */
export function normaliseName(name: string): string {
  const ordered = name.includes(',') ? name.split(',').slice(1).join(' ') + ' ' + name.split(',')[0] : name;
  return ordered
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normaliseTeam(team: string): string {
  return team
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\bteam\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseLeaversReport(text: string, fileName: string): LeaversParse {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: `${fileName} could not be read: ${parsed.message}` };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, message: `${fileName} is empty.` };
  const columns = header.fields.map((field) => HEADERS[headerKey(field)] ?? null);
  const missing = (['name', 'leftOn'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const wanted = missing.map((c) => (c === 'name' ? 'a name' : 'a leaving date')).join(' and ');
    return {
      ok: false,
      message: `${fileName} is not a leavers report: it needs ${wanted} column (its header is: ${header.fields.join(', ')}). Nothing was imported.`,
    };
  }
  if (!columns.includes('team') && !columns.includes('employeeNumber')) {
    return {
      ok: false,
      message: `${fileName} has neither a team nor an employee number column, so leavers cannot be told apart. Nothing was imported.`,
    };
  }
  const rows: LeaverRow[] = [];
  const problems: string[] = [];
  for (const record of records) {
    const raw: Partial<Record<keyof Omit<LeaverRow, 'line'>, string>> = {};
    columns.forEach((column, i) => {
      if (column) raw[column] = (record.fields[i] ?? '').trim();
    });
    const leftOn = parseUkOrIsoDate(raw.leftOn ?? '');
    if (!raw.name) problems.push(`Line ${record.line}: no name.`);
    else if (!leftOn)
      problems.push(
        `Line ${record.line}: leaving date "${raw.leftOn ?? ''}" is not a date (use 30/11/2026 or 2026-11-30).`,
      );
    else
      rows.push({
        line: record.line,
        name: raw.name,
        team: raw.team ?? '',
        leftOn,
        employeeNumber: raw.employeeNumber || null,
      });
  }
  return { ok: true, rows, problems };
}
