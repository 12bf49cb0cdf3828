/**
 * A system's own export of last sign-in dates (SUS-2): a username column and a date column, named
 * differently by every system, so the mapping is saved per system. Dates may carry a time.
 */
import { headerKey } from './csv';
import { parseUkOrIsoDate } from './dates';
import { type FileTable, quoteFields, readTable, recordValues } from './file-layout';

export interface ActivityRow {
  line: number;
  username: string;
  lastSignIn: string | null;
}

export interface ActivityMapping {
  username: string;
  date: string;
}

export const DEFAULT_ACTIVITY_MAPPING: ActivityMapping = { username: 'username', date: 'last sign in' };

const USERNAME_GUESSES = ['username', 'user name', 'login', 'user id', 'userid', 'account'];
const DATE_GUESSES = [
  'last sign in',
  'last signin',
  'last login',
  'last logon',
  'last logged in',
  'last activity',
  'last access',
];

export type ActivityParse =
  | { ok: true; rows: ActivityRow[]; problems: string[]; mapping: ActivityMapping; notes: string[] }
  | { ok: false; message: string };

/**
 * "2026-11-20", "20/11/2026", "20-NOV-2026", with or without a time ("20/11/2026 14:05",
 * "2026-11-20T14:05:00Z", "20/11/2026 2:05 PM"); empty or "never" means never signed in.
 */
function signInDate(text: string): string | null | undefined {
  const value = text.trim();
  if (value === '' || /^never$/i.test(value)) return null;
  const withClock = /^(\S+)[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm)?$/i.exec(value);
  return parseUkOrIsoDate(value) ?? (withClock ? parseUkOrIsoDate(withClock[1]!) : null) ?? undefined;
}

type Column = 'username' | 'date';

/** The username and date columns: the one named in the mapping, else the first guess the header has. */
function activityColumns(mapping: ActivityMapping | null) {
  return (fields: string[]): (Column | null)[] => {
    const keys = fields.map(headerKey);
    const find = (wanted: string | undefined, guesses: string[]) =>
      (wanted ? [wanted] : guesses)
        .map(headerKey)
        .map((k) => keys.indexOf(k))
        .find((i) => i >= 0) ?? -1;
    const user = find(mapping?.username, USERNAME_GUESSES);
    const date = find(mapping?.date, DATE_GUESSES);
    return keys.map((_, i) => (i === user ? 'username' : i === date ? 'date' : null));
  };
}

function missingColumns(table: FileTable<Column>, fileName: string, mapping: ActivityMapping | null): string {
  const missing = [
    table.columns.includes('username')
      ? null
      : `the username column${mapping ? ` "${mapping.username}"` : ''}`,
    table.columns.includes('date') ? null : `the last sign-in column${mapping ? ` "${mapping.date}"` : ''}`,
  ]
    .filter(Boolean)
    .join(' and ');
  return `${fileName} lacks ${missing} (its header is: ${quoteFields(table.header.fields)}). Set the column names for this system and import again. Nothing was imported.`;
}

export function parseActivityExport(
  text: string,
  fileName: string,
  mapping: ActivityMapping | null,
): ActivityParse {
  const read = readTable(text, fileName, activityColumns(mapping), (columns) =>
    ['username', 'date'].every((c) => columns.includes(c as Column)),
  );
  if (!read.ok) return read;
  const { table } = read;
  if (!read.complete) return { ok: false, message: missingColumns(table, fileName, mapping) };
  const rows: ActivityRow[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const { values, problems: bad } = recordValues(table, record, (c) =>
      c === 'username' ? 'username' : 'last sign-in date',
    );
    const username = values.username ?? '';
    const rawDate = values.date ?? '';
    const lastSignIn = signInDate(rawDate);
    if (bad.length > 0) problems.push(...bad);
    else if (username === '') problems.push(`Line ${record.line}: no username.`);
    else if (lastSignIn === undefined) problems.push(`Line ${record.line}: "${rawDate}" is not a date.`);
    else if (seen.has(username.toLowerCase()))
      problems.push(`Line ${record.line}: ${username} is also on line ${seen.get(username.toLowerCase())}.`);
    else {
      seen.set(username.toLowerCase(), record.line);
      rows.push({ line: record.line, username, lastSignIn });
    }
  }
  const heading = (c: Column) => table.header.fields[table.columns.indexOf(c)]!.trim();
  return {
    ok: true,
    rows,
    problems,
    mapping: { username: heading('username'), date: heading('date') },
    notes: table.notes,
  };
}
