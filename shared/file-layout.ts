/**
 * The shape of a report as ESR Business Intelligence and Excel save it: a title and blank rows above
 * the header, empty columns after the last heading, a summary ("Total leavers: 8", "End of report")
 * after the data. Each importer says which columns it knows; this finds the header row among the
 * first rows, keeps the data rows, and says in plain words what it skipped, so the preview can show it
 * and nothing skipped is ever taken for a person.
 */
import { type CsvRecord, headerKey, parseCsv } from './csv';

/** The header is looked for among this many rows; report titles are a few lines at most. */
const HEADER_SEARCH = 20;
/** No file Gatehouse reads has anything like this many columns; more means the wrong file. */
export const MAX_COLUMNS = 500;

export interface FileTable<F extends string> {
  header: CsvRecord;
  columns: (F | null)[];
  records: CsvRecord[];
  /** What was recognised and skipped, as sentences for the preview; empty for a plain file. */
  notes: string[];
}

export type TableRead<F extends string> =
  { ok: true; table: FileTable<F>; complete: boolean } | { ok: false; message: string };

/** At most a few of a row's fields, each shortened, with the count: safe to put in a message. */
export function quoteFields(fields: readonly string[], shown = 6): string {
  const quoted = fields.slice(0, shown).map((f) => {
    const text = f.trim();
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  });
  const more = fields.length > shown ? `, … (${fields.length.toLocaleString('en-GB')} columns)` : '';
  return `${quoted.join(', ')}${more}`;
}

const blank = (record: CsvRecord) => record.fields.every((f) => f.trim() === '');

const SUMMARY =
  /^(?:(?:grand |sub-?)?totals?\b|count\b|number of\b|no\.? of\b|end of (?:the )?(?:report|data|file)\b|report (?:run|generated|produced|printed|date|end)\b|run (?:date|by|on|at)\b|(?:date )?printed\b|page \d+|\d+ (?:rows?|records?)\b|\*+\s*end\b|-+\s*end\b|official\b|confidential\b)/i;

/** A summary row: its only text is a total or an end-of-report line (a number may stand beside it). */
function isSummary(record: CsvRecord): boolean {
  const cells = record.fields.map((f) => f.trim()).filter((f) => f !== '');
  if (cells.length === 0 || !SUMMARY.test(cells[0]!)) return false;
  return cells.length === 1 || (cells.length === 2 && /^[\d,]+$/.test(cells[1]!));
}

function lines(from: number, to: number): string {
  return from === to ? `line ${from}` : `lines ${from}-${to}`;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Read `text` as a table whose header is the first of the opening rows that `complete` accepts (or,
 * when none is, the row most like a header, for the importer's own "it needs…" message).
 */
export function readTable<F extends string>(
  text: string,
  fileName: string,
  mapHeader: (fields: string[]) => (F | null)[],
  complete: (columns: (F | null)[]) => boolean,
): TableRead<F> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: `${fileName} could not be read: ${parsed.message}` };
  const records = parsed.records.filter((r) => !blank(r));
  if (records.length === 0) return { ok: false, message: `${fileName} is empty.` };
  const wide = records.slice(0, HEADER_SEARCH).find((r) => r.fields.length > MAX_COLUMNS);
  if (wide)
    return {
      ok: false,
      message: `${fileName} is not a file Gatehouse reads: line ${wide.line} has ${wide.fields.length.toLocaleString('en-GB')} columns (it starts: ${quoteFields(wide.fields, 3)}). Check that you chose the right file.`,
    };
  let best = 0;
  let bestCount = -1;
  let found = false;
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH); i += 1) {
    const columns = mapHeader(records[i]!.fields);
    if (complete(columns)) {
      [best, found] = [i, true];
      break;
    }
    const count = columns.filter((c) => c !== null).length;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  const header = records[best]!;
  const columns = mapHeader(header.fields);
  let end = records.length;
  while (end > best + 1 && isSummary(records[end - 1]!)) end -= 1;
  // A total with data after it means the file is not what it seems (two reports pasted together, a
  // footer moved): refused, rather than read as people or with the rows after it guessed at.
  const misplaced = found ? records.slice(best + 1, end).find(isSummary) : undefined;
  if (misplaced)
    return {
      ok: false,
      message: `${fileName} has a summary line on line ${misplaced.line} ("${quoteFields(
        misplaced.fields.filter((f) => f.trim() !== ''),
        2,
      )}") with more lines after it. A summary can only come at the end: remove the lines after it, or it, and import the file again.`,
    };
  const skipped: string[] = [];
  if (best > 0) skipped.push(`the report title on ${lines(records[0]!.line, header.line - 1)}`);
  else if (header.line > 1) skipped.push(`the blank ${lines(1, header.line - 1)} above the header`);
  if (end < records.length) {
    const first = records[end]!.fields.map((f) => f.trim()).filter((f) => f !== '');
    const quote = first.join(' ').slice(0, 60);
    skipped.push(`the summary on ${lines(records[end]!.line, records.at(-1)!.line)} ("${quote}")`);
  }
  let trailing = 0;
  while (trailing < header.fields.length - 1 && header.fields.at(-1 - trailing)!.trim() === '') trailing += 1;
  if (trailing > 0)
    skipped.push(
      `${trailing === 1 ? 'an empty column' : `${trailing} empty columns`} after the last heading`,
    );
  return {
    ok: true,
    complete: found,
    table: {
      header,
      columns,
      records: records.slice(best + 1, end),
      notes: skipped.length > 0 ? [`Skipped ${joinAnd(skipped)}.`] : [],
    },
  };
}

/** Header cells mapped through an importer's dictionary of the ways people name its columns. */
export function headerColumns<F extends string>(headers: Record<string, F>) {
  return (fields: string[]): (F | null)[] => fields.map((field) => headers[headerKey(field)] ?? null);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function describeControl(char: string): string {
  if (/[\r\n\u2028\u2029]/.test(char)) return 'a line break';
  if (char === '\t') return 'a tab';
  return `a control character (U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * The values of a record's known columns, trimmed; a value holding a line break, tab or other control
 * character is refused (it could forge an email header or a line in a report), naming the field.
 */
export function recordValues<F extends string>(
  table: FileTable<F>,
  record: CsvRecord,
  label: (field: F) => string,
): { values: Partial<Record<F, string>>; problems: string[] } {
  const values: Partial<Record<F, string>> = {};
  const problems: string[] = [];
  table.columns.forEach((column, i) => {
    if (!column) return;
    const value = (record.fields[i] ?? '').trim();
    const bad = CONTROL.exec(value);
    if (bad)
      problems.push(
        `Line ${record.line}: the ${label(column)} contains ${describeControl(bad[0])}, which Gatehouse does not import. Correct the cell and import the file again.`,
      );
    values[column] = value;
  });
  return { values, problems };
}
