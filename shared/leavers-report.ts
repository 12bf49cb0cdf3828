/**
 * The monthly HR leavers report as HR sends it (DIS-3): CSV with a name, a team and a leaving date,
 * sometimes an employee or assignment number, often straight from ESR Business Intelligence or Excel
 * (a title above the header, a total below the data, "Surname, Title First" names, 30-NOV-2026 dates).
 * A file whose structure is wrong is refused whole; a bad row is reported with its line.
 */
import { DATE_FORMATS, parseUkOrIsoDate } from './dates';
import { employeeNumberOf, nameWithoutTitle } from './esr-fields';
import { headerColumns, quoteFields, readTable, recordValues } from './file-layout';

export interface LeaverRow {
  line: number;
  name: string;
  team: string;
  leftOn: string;
  employeeNumber: string | null;
}

export type LeaversParse =
  { ok: true; rows: LeaverRow[]; problems: string[]; notes: string[] } | { ok: false; message: string };

type Column = keyof Omit<LeaverRow, 'line'> | 'assignmentNumber';

const HEADERS: Record<string, Column> = {
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
  organisation: 'team',
  organisationname: 'team',
  leavingdate: 'leftOn',
  dateleft: 'leftOn',
  leftdate: 'leftOn',
  enddate: 'leftOn',
  terminationdate: 'leftOn',
  actualterminationdate: 'leftOn',
  leavedate: 'leftOn',
  lastworkingday: 'leftOn',
  dateofleaving: 'leftOn',
  employeenumber: 'employeeNumber',
  employeeno: 'employeeNumber',
  staffnumber: 'employeeNumber',
  payrollnumber: 'employeeNumber',
  assignmentnumber: 'assignmentNumber',
  assignmentno: 'assignmentNumber',
};

const LABELS: Record<Column, string> = {
  name: 'name',
  team: 'team',
  leftOn: 'leaving date',
  employeeNumber: 'employee number',
  assignmentNumber: 'assignment number',
};

/**
 * Names compared as people write them: accents, case, punctuation, a title (Mrs., Dr) and
 * "Surname, First" order ignored.
 */
export function normaliseName(name: string): string {
  return nameWithoutTitle(name)
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
  const read = readTable(text, fileName, headerColumns(HEADERS), (columns) =>
    ['name', 'leftOn'].every((c) => columns.includes(c as Column)),
  );
  if (!read.ok) return read;
  const { table } = read;
  const { columns, header } = table;
  const missing = (['name', 'leftOn'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    const wanted = missing.map((c) => (c === 'name' ? 'a name' : 'a leaving date')).join(' and ');
    return {
      ok: false,
      message: `${fileName} is not a leavers report: it needs ${wanted} column (its header is: ${quoteFields(header.fields)}). Nothing was imported.`,
    };
  }
  if (!['team', 'employeeNumber', 'assignmentNumber'].some((c) => columns.includes(c as Column))) {
    return {
      ok: false,
      message: `${fileName} has neither a team nor an employee number column, so leavers cannot be told apart. Nothing was imported.`,
    };
  }
  const rows: LeaverRow[] = [];
  const problems: string[] = [];
  const notes = [...table.notes];
  const seen = new Map<string, LeaverRow>();
  for (const record of table.records) {
    const { values: raw, problems: bad } = recordValues(table, record, (c) => LABELS[c]);
    const number = employeeNumberOf(raw.employeeNumber, raw.assignmentNumber);
    const leftOn = parseUkOrIsoDate(raw.leftOn ?? '');
    if (bad.length > 0) problems.push(...bad);
    else if (!raw.name) problems.push(`Line ${record.line}: no name.`);
    else if (!number.ok) problems.push(`Line ${record.line}: ${number.problem}.`);
    else if (!leftOn)
      problems.push(
        `Line ${record.line}: leaving date "${raw.leftOn ?? ''}" is not a date (${DATE_FORMATS}).`,
      );
    else {
      // ESR lists a leaver once per assignment: the second assignment, same day, is the same leaver.
      const earlier = number.value ? seen.get(`${number.value}|${leftOn}`) : undefined;
      if (earlier) {
        notes.push(
          `Line ${record.line} is another assignment of employee ${number.value} (line ${earlier.line}), read once.`,
        );
        continue;
      }
      const row = {
        line: record.line,
        name: raw.name,
        team: raw.team ?? '',
        leftOn,
        employeeNumber: number.value,
      };
      if (number.value) seen.set(`${number.value}|${leftOn}`, row);
      rows.push(row);
    }
  }
  return { ok: true, rows, problems, notes };
}
