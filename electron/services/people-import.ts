/**
 * Importing people from a CSV file: every row is checked before anything is written, every problem
 * is reported with its line, and the import applies all or nothing in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { DATE_FORMATS, parseUkOrIsoDate } from '../../shared/dates';
import { employeeNumberOf, nameWithoutTitle } from '../../shared/esr-fields';
import { headerColumns, quoteFields, readTable, recordValues } from '../../shared/file-layout';
import {
  EMPLOYMENT_TYPES,
  NEEDS_FINISHING_DATE,
  type EmploymentType,
  personInputSchema,
  type PersonInput,
} from '../../shared/register';
import type { Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { refreshSearchTerms } from '../store/people-queries';
import { humaneErrorMap } from '../../shared/contract/field-errors';
import { describeZodError } from '../router';

type Column = keyof PersonInput | 'lineManagerNumber' | 'assignmentNumber';

const HEADERS: Record<string, Column> = {
  employeenumber: 'employeeNumber',
  employeeno: 'employeeNumber',
  assignmentnumber: 'assignmentNumber',
  assignmentno: 'assignmentNumber',
  name: 'name',
  fullname: 'name',
  jobrole: 'jobRole',
  jobtitle: 'jobRole',
  positiontitle: 'jobRole',
  team: 'team',
  department: 'team',
  directorate: 'directorate',
  organisation: 'organisation',
  organization: 'organisation',
  linemanageremployeenumber: 'lineManagerNumber',
  linemanagernumber: 'lineManagerNumber',
  supervisoremployeenumber: 'lineManagerNumber',
  employmenttype: 'employmentType',
  contracttype: 'employmentType',
  assignmentcategory: 'employmentType',
  finishingdate: 'finishingDate',
  contractenddate: 'finishingDate',
  enddate: 'finishingDate',
  smartcarduuid: 'smartcardUuid',
  uuid: 'smartcardUuid',
  email: 'email',
  emailaddress: 'email',
  digitalstaff: 'digitalStaff',
};

const MAX_REPORTED = 50;

/** "employeeNumber" → "employee number", to name a field in a refusal. */
const label = (column: Column) => column.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

function employmentType(value: string): EmploymentType | null {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (key === '') return 'permanent';
  return (EMPLOYMENT_TYPES as readonly string[]).includes(key) ? (key as EmploymentType) : null;
}

interface Row {
  line: number;
  person: PersonInput;
  lineManagerNumber: string | null;
}

export function importPeople(
  ctx: ServiceContext,
  fileName: string,
  content: string,
): { imported: number; notes: string[] } {
  const read = readTable(content, fileName, headerColumns(HEADERS), (columns) => columns.includes('name'));
  if (!read.ok) throw new GatehouseError('INVALID_INPUT', `${read.message} Nothing was imported.`);
  const { table } = read;
  if (!read.complete) {
    throw new GatehouseError(
      'INVALID_INPUT',
      `${fileName} has no "name" column (its header is: ${quoteFields(table.header.fields)}). Nothing was imported.`,
    );
  }
  const db = ctx.db();
  const problems: string[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const { values: raw, problems: bad } = recordValues(table, record, label);
    if (bad.length > 0) {
      problems.push(...bad);
      continue;
    }
    const number = employeeNumberOf(raw.employeeNumber, raw.assignmentNumber);
    const type = employmentType(raw.employmentType ?? '');
    const finishing = raw.finishingDate ? parseUkOrIsoDate(raw.finishingDate) : undefined;
    const lineProblems: string[] = [];
    if (type === null)
      lineProblems.push(
        `unknown employment type "${raw.employmentType}" (use one of ${EMPLOYMENT_TYPES.join(', ')})`,
      );
    if (finishing === null)
      lineProblems.push(`finishing date "${raw.finishingDate}" is not a date (${DATE_FORMATS})`);
    if (!number.ok) lineProblems.push(number.problem);
    const candidate = {
      name: nameWithoutTitle(raw.name ?? ''),
      ...(number.ok && number.value ? { employeeNumber: number.value } : {}),
      employmentType: type ?? 'permanent',
      ...Object.fromEntries(
        (['jobRole', 'team', 'directorate', 'organisation', 'smartcardUuid', 'email'] as const)
          .filter((key) => raw[key])
          .map((key) => [key, raw[key]]),
      ),
      ...(finishing ? { finishingDate: finishing } : {}),
      digitalStaff: /^(y|yes|true|1)$/i.test(raw.digitalStaff ?? ''),
    };
    const valid = personInputSchema.safeParse(candidate, { error: humaneErrorMap });
    if (!valid.success) lineProblems.push(describeZodError(valid.error));
    if (
      valid.success &&
      NEEDS_FINISHING_DATE.includes(valid.data.employmentType) &&
      !valid.data.finishingDate
    ) {
      lineProblems.push(`${valid.data.employmentType} staff need a finishing date (REG-11)`);
    }
    const employeeNumber = number.ok ? number.value : null;
    if (employeeNumber) {
      if (seen.has(employeeNumber))
        lineProblems.push(`employee number ${employeeNumber} is also on line ${seen.get(employeeNumber)}`);
      else if (db.prepare('SELECT 1 FROM people WHERE employee_number = ?').get(employeeNumber))
        lineProblems.push(`employee number ${employeeNumber} is already in the register`);
      seen.set(employeeNumber, record.line);
    }
    if (lineProblems.length > 0) problems.push(`Line ${record.line}: ${lineProblems.join('; ')}.`);
    else if (valid.success)
      rows.push({ line: record.line, person: valid.data, lineManagerNumber: raw.lineManagerNumber || null });
  }
  for (const row of rows) {
    if (
      row.lineManagerNumber &&
      !seen.has(row.lineManagerNumber) &&
      !db.prepare('SELECT 1 FROM people WHERE employee_number = ?').get(row.lineManagerNumber)
    ) {
      problems.push(
        `Line ${row.line}: line manager ${row.lineManagerNumber} is neither in the file nor in the register.`,
      );
    }
  }
  if (table.records.length === 0) problems.push(`${fileName} has a header but no people.`);
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED).join('\n');
    const more = problems.length > MAX_REPORTED ? `\n…and ${problems.length - MAX_REPORTED} more.` : '';
    throw new GatehouseError(
      'INVALID_INPUT',
      `${fileName} was not imported; nothing was changed. Fix these and import it again:\n${shown}${more}`,
    );
  }
  const now = ctx.clock.now().toISOString();
  ctx.transact((audit) => {
    const insert = db.prepare(
      `INSERT INTO people (id, employee_number, name, job_role, team, directorate, organisation, employment_type,
         finishing_date, smartcard_uuid, email, digital_staff, created_at, updated_at)
       VALUES (@id, @employeeNumber, @name, @jobRole, @team, @directorate, @organisation, @employmentType,
         @finishingDate, @smartcardUuid, @email, @digitalStaff, @now, @now)`,
    );
    const ids = new Map<Row, string>();
    for (const row of rows) {
      const id = randomUUID();
      ids.set(row, id);
      const p = row.person;
      insert.run({
        id,
        now,
        name: p.name,
        employmentType: p.employmentType,
        digitalStaff: p.digitalStaff ? 1 : 0,
        employeeNumber: p.employeeNumber ?? null,
        jobRole: p.jobRole ?? null,
        team: p.team ?? null,
        directorate: p.directorate ?? null,
        organisation: p.organisation ?? null,
        finishingDate: p.finishingDate ?? null,
        smartcardUuid: p.smartcardUuid ?? null,
        email: p.email ?? null,
      });
      audit({
        action: 'person.added',
        subject: { type: 'person', id, label: p.name },
        reason: `Imported from ${fileName}, line ${row.line}`,
      });
    }
    const setManager = db.prepare(
      'UPDATE people SET line_manager_id = (SELECT id FROM people WHERE employee_number = ?) WHERE id = ?',
    );
    for (const row of rows) {
      if (row.lineManagerNumber) setManager.run(row.lineManagerNumber, ids.get(row));
      refreshSearchTerms(db, ids.get(row)!);
    }
    audit({
      action: 'people.imported',
      subject: { type: 'file', id: fileName, label: fileName },
      after: { people: rows.length },
    });
  });
  return { imported: rows.length, notes: table.notes };
}

export const peopleImportHandlers: Pick<Handlers, 'people:import'> = {
  'people:import': (ctx, input) => importPeople(ctx, input.fileName, input.content),
};
