/**
 * The ESR joiner, mover and leaver feed (seed 003): a CSV of changes to employees' assignments as ESR
 * reports them. Header wording and change-type words vary between extracts; both are read as people
 * write them, as are ESR's own habits (a report title and total, assignment numbers, "Surname, Title
 * First" names, 30-NOV-2026 dates). Any bad row refuses the whole file, naming every bad line, so
 * nothing half-imports.
 */
import { headerKey } from './csv';
import { DATE_FORMATS, parseUkOrIsoDate } from './dates';
import { employeeNumberOf, nameWithoutTitle } from './esr-fields';
import { headerColumns, quoteFields, readTable, recordValues } from './file-layout';
import { EMPLOYMENT_TYPES, type EmploymentType } from './register';

export const ESR_CHANGE_KINDS = ['starter', 'mover', 'leaver'] as const;
export type EsrChangeKind = (typeof ESR_CHANGE_KINDS)[number];

export interface EsrChangeRow {
  line: number;
  kind: EsrChangeKind;
  employeeNumber: string;
  name: string | null;
  jobRole: string | null;
  team: string | null;
  directorate: string | null;
  organisation: string | null;
  lineManagerNumber: string | null;
  effectiveOn: string;
  employmentType: EmploymentType | null;
  finishingDate: string | null;
  email: string | null;
}

type Field = Exclude<keyof EsrChangeRow, 'line' | 'kind'> | 'kind' | 'assignmentNumber';

const HEADERS: Record<string, Field> = {
  changetype: 'kind',
  change: 'kind',
  event: 'kind',
  eventtype: 'kind',
  action: 'kind',
  type: 'kind',
  employeenumber: 'employeeNumber',
  employeeno: 'employeeNumber',
  assignmentnumber: 'assignmentNumber',
  assignmentno: 'assignmentNumber',
  staffnumber: 'employeeNumber',
  name: 'name',
  fullname: 'name',
  employeename: 'name',
  position: 'jobRole',
  positiontitle: 'jobRole',
  jobrole: 'jobRole',
  jobtitle: 'jobRole',
  team: 'team',
  department: 'team',
  organisationunit: 'team',
  orgunit: 'team',
  directorate: 'directorate',
  organisation: 'organisation',
  employingorganisation: 'organisation',
  linemanageremployeenumber: 'lineManagerNumber',
  linemanagernumber: 'lineManagerNumber',
  supervisoremployeenumber: 'lineManagerNumber',
  supervisornumber: 'lineManagerNumber',
  effectivedate: 'effectiveOn',
  date: 'effectiveOn',
  startdate: 'effectiveOn',
  changedate: 'effectiveOn',
  leavingdate: 'effectiveOn',
  employmenttype: 'employmentType',
  assignmentcategory: 'employmentType',
  finishingdate: 'finishingDate',
  contractenddate: 'finishingDate',
  email: 'email',
  emailaddress: 'email',
};

const KIND_WORDS: Record<string, EsrChangeKind> = {
  starter: 'starter',
  newstarter: 'starter',
  joiner: 'starter',
  newhire: 'starter',
  hire: 'starter',
  mover: 'mover',
  change: 'mover',
  changeofposition: 'mover',
  assignmentchange: 'mover',
  transfer: 'mover',
  leaver: 'leaver',
  termination: 'leaver',
  terminated: 'leaver',
};

function employmentType(text: string): EmploymentType | null | undefined {
  if (!text) return null;
  const key = headerKey(text).replace('contract', '');
  const match = EMPLOYMENT_TYPES.find((t) => headerKey(t) === key);
  return match ?? undefined;
}

const LABELS: Record<Field, string> = {
  kind: 'change type',
  employeeNumber: 'employee number',
  assignmentNumber: 'assignment number',
  name: 'name',
  jobRole: 'position',
  team: 'team',
  directorate: 'directorate',
  organisation: 'organisation',
  lineManagerNumber: 'line manager’s employee number',
  effectiveOn: 'effective date',
  employmentType: 'employment type',
  finishingDate: 'finishing date',
  email: 'email address',
};

const REQUIRED = [
  ['kind', 'a change type (starter, mover or leaver)'],
  ['employeeNumber', 'an employee or assignment number'],
  ['effectiveOn', 'an effective date'],
] as const;

/** An assignment number stands in for the employee number column. */
const has = (columns: (Field | null)[], field: Field) =>
  columns.includes(field) || (field === 'employeeNumber' && columns.includes('assignmentNumber'));

export type EsrParse =
  { ok: true; rows: EsrChangeRow[]; notes: string[] } | { ok: false; message: string; problems: string[] };

export function parseEsrChanges(text: string, fileName: string): EsrParse {
  const refuse = (message: string, problems: string[] = []): EsrParse => ({ ok: false, message, problems });
  const read = readTable(text, fileName, headerColumns(HEADERS), (columns) =>
    REQUIRED.every(([c]) => has(columns, c)),
  );
  if (!read.ok) return refuse(`${read.message} Nothing was imported.`);
  const { table } = read;
  const missing = REQUIRED.filter(([c]) => !has(table.columns, c));
  if (missing.length > 0)
    return refuse(
      `${fileName} is not an ESR change file: it needs ${missing.map(([, w]) => w).join(', ')} (its header is: ${quoteFields(table.header.fields)}). Nothing was imported.`,
    );
  const rows: EsrChangeRow[] = [];
  const problems: string[] = [];
  const notes = [...table.notes];
  const seen = new Map<string, { line: number; assignment: string | undefined }>();
  for (const record of table.records) {
    const { values: raw, problems: bad } = recordValues(table, record, (c) => LABELS[c]);
    const at = `Line ${record.line}:`;
    if (bad.length > 0) {
      problems.push(...bad);
      continue;
    }
    const number = employeeNumberOf(raw.employeeNumber, raw.assignmentNumber);
    if (!number.ok) {
      problems.push(`${at} ${number.problem}.`);
      continue;
    }
    raw.employeeNumber = number.value ?? '';
    const kind = KIND_WORDS[headerKey(raw.kind ?? '')];
    const effectiveOn = parseUkOrIsoDate(raw.effectiveOn ?? '');
    const finishingDate = raw.finishingDate ? parseUkOrIsoDate(raw.finishingDate) : null;
    const type = employmentType(raw.employmentType ?? '');
    const before = problems.length;
    if (!kind) problems.push(`${at} change type "${raw.kind ?? ''}" is not starter, mover or leaver.`);
    if (!raw.employeeNumber || !/^[A-Za-z0-9-]{1,20}$/.test(raw.employeeNumber))
      problems.push(
        `${at} employee number "${raw.employeeNumber ?? ''}" is missing or not as ESR writes it.`,
      );
    if (!effectiveOn)
      problems.push(`${at} effective date "${raw.effectiveOn ?? ''}" is not a date (${DATE_FORMATS}).`);
    if (raw.finishingDate && !finishingDate)
      problems.push(`${at} finishing date "${raw.finishingDate}" is not a date (${DATE_FORMATS}).`);
    if (type === undefined)
      problems.push(`${at} employment type "${raw.employmentType}" is not one Gatehouse knows.`);
    if (kind === 'starter' && !raw.name) problems.push(`${at} a starter needs a name.`);
    if (kind === 'mover' && !raw.jobRole && !raw.team && !raw.directorate && !raw.lineManagerNumber)
      problems.push(`${at} a mover needs the new position, team, directorate or line manager.`);
    const key = `${kind}|${raw.employeeNumber}|${effectiveOn}`;
    const earlier = seen.get(key);
    // ESR lists a change once per assignment: another assignment, same change and day, is read once.
    if (
      problems.length === before &&
      earlier &&
      raw.assignmentNumber &&
      earlier.assignment !== raw.assignmentNumber
    ) {
      notes.push(
        `Line ${record.line} is another assignment of employee ${raw.employeeNumber} (line ${earlier.line}), read once.`,
      );
      continue;
    }
    if (problems.length === before && earlier)
      problems.push(`${at} repeats line ${earlier.line} (the same change for the same person and date).`);
    if (problems.length > before) continue;
    seen.set(key, { line: record.line, assignment: raw.assignmentNumber });
    rows.push({
      line: record.line,
      kind: kind!,
      employeeNumber: raw.employeeNumber!,
      name: raw.name ? nameWithoutTitle(raw.name) : null,
      jobRole: raw.jobRole || null,
      team: raw.team || null,
      directorate: raw.directorate || null,
      organisation: raw.organisation || null,
      lineManagerNumber: raw.lineManagerNumber || null,
      effectiveOn: effectiveOn!,
      employmentType: type ?? null,
      finishingDate,
      email: raw.email || null,
    });
  }
  const badLines = new Set(problems.map((p) => p.slice(0, p.indexOf(':')))).size;
  if (problems.length > 0)
    return refuse(
      `${fileName} has ${badLines === 1 ? 'a line' : `${badLines} lines`} that cannot be read. Nothing was imported; fix ${badLines === 1 ? 'it' : 'them'} and import the file again.`,
      problems,
    );
  if (rows.length === 0) return refuse(`${fileName} lists no changes. Nothing was imported.`);
  return { ok: true, rows, notes };
}
