/**
 * A system's own export of last sign-in dates (SUS-2): a username column and a date column, named
 * differently by every system, so the mapping is saved per system. Dates may carry a time.
 */
import { headerKey, parseCsv } from './csv';
import { parseUkOrIsoDate } from './dates';

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
  | { ok: true; rows: ActivityRow[]; problems: string[]; mapping: ActivityMapping }
  | { ok: false; message: string };

/** "2026-11-20", "20/11/2026", "20/11/2026 14:05" or "2026-11-20T14:05:00Z"; empty means never signed in. */
function signInDate(text: string): string | null | undefined {
  const value = text.trim();
  if (value === '' || /^never$/i.test(value)) return null;
  const date = value.split(/[ T]/)[0] ?? '';
  return parseUkOrIsoDate(date) ?? undefined;
}

export function parseActivityExport(
  text: string,
  fileName: string,
  mapping: ActivityMapping | null,
): ActivityParse {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: `${fileName} could not be read: ${parsed.message}` };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, message: `${fileName} is empty.` };
  const keys = header.fields.map(headerKey);
  const find = (wanted: string | undefined, guesses: string[]) => {
    const candidates = wanted ? [wanted] : guesses;
    return (
      candidates
        .map(headerKey)
        .map((k) => keys.indexOf(k))
        .find((i) => i >= 0) ?? -1
    );
  };
  const userColumn = find(mapping?.username, USERNAME_GUESSES);
  const dateColumn = find(mapping?.date, DATE_GUESSES);
  if (userColumn < 0 || dateColumn < 0) {
    const missing = [
      userColumn < 0 ? `the username column${mapping ? ` "${mapping.username}"` : ''}` : null,
      dateColumn < 0 ? `the last sign-in column${mapping ? ` "${mapping.date}"` : ''}` : null,
    ]
      .filter(Boolean)
      .join(' and ');
    return {
      ok: false,
      message: `${fileName} lacks ${missing} (its header is: ${header.fields.join(', ')}). Set the column names for this system and import again. Nothing was imported.`,
    };
  }
  const rows: ActivityRow[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const username = (record.fields[userColumn] ?? '').trim();
    const rawDate = record.fields[dateColumn] ?? '';
    const lastSignIn = signInDate(rawDate);
    if (username === '') problems.push(`Line ${record.line}: no username.`);
    else if (lastSignIn === undefined)
      problems.push(`Line ${record.line}: "${rawDate.trim()}" is not a date.`);
    else if (seen.has(username.toLowerCase()))
      problems.push(`Line ${record.line}: ${username} is also on line ${seen.get(username.toLowerCase())}.`);
    else {
      seen.set(username.toLowerCase(), record.line);
      rows.push({ line: record.line, username, lastSignIn });
    }
  }
  return {
    ok: true,
    rows,
    problems,
    mapping: { username: header.fields[userColumn]!.trim(), date: header.fields[dateColumn]!.trim() },
  };
}
