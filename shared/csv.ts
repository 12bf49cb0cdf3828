/**
 * CSV as people's files really are (RFC 4180 plus what Excel writes): an optional byte-order mark,
 * CRLF or LF, quoted fields with commas, quotes and line breaks inside. Each record keeps the line
 * it started on, so errors can name the line a person sees in their editor.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; message: string };

const SAVE_AS = 'Save it from Excel as "CSV UTF-8 (Comma delimited)" and import it again.';

/**
 * UTF-16 text read as UTF-8: a byte-order mark that is not UTF-8 (two replacement characters), or
 * plain letters each followed (or preceded) by a zero byte.
 */
function looksLikeUtf16(input: string): boolean {
  if (input.startsWith('\uFFFD\uFFFD') && input.slice(0, 200).includes('\u0000')) return true;
  const sample = input.slice(0, 200);
  const zeros = [0, 1].map((start) => {
    let n = 0;
    for (let i = start; i < sample.length; i += 2) if (sample[i] === '\u0000') n += 1;
    return n;
  });
  return sample.length >= 4 && Math.max(...zeros) >= (sample.length / 2) * 0.9 && Math.min(...zeros) === 0;
}

/** Files saved the wrong way are refused with what to do, rather than read into garbled names. */
function wrongFormat(input: string): string | null {
  if (looksLikeUtf16(input))
    return `The file is saved as UTF-16 ("Unicode text"), which Gatehouse does not read. ${SAVE_AS}`;
  // Binary: a zero byte, a workbook's or PDF's signature, or more control characters or unreadable
  // bytes than text saved in an older encoding (a few accented letters) or a stray control would give.
  const sample = input.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  const controls = (sample.match(/[\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  const unreadable = (sample.match(/\uFFFD/g) ?? []).length;
  if (
    input.includes('\u0000') ||
    ['PK\u0003\u0004', '%PDF'].some((magic) => input.startsWith(magic)) ||
    controls > Math.max(8, sample.length / 100) ||
    unreadable > sample.length * 0.3
  )
    return `The file is not a text (CSV) file: it holds binary data, as a workbook (.xlsx), a PDF or an image does. ${SAVE_AS}`;
  const garbled = input.indexOf('\uFFFD');
  if (garbled >= 0) {
    const line = input.slice(0, garbled).split('\n').length;
    return `Line ${line}: the file is not UTF-8 text (it was probably saved as plain "CSV" by an older program, so letters such as é cannot be read). ${SAVE_AS}`;
  }
  const header = input.slice(0, input.search(/\r?\n|$/));
  if (!header.includes(',') && /[;\t|]/.test(header)) {
    const by = header.includes(';') ? 'semicolons' : header.includes('\t') ? 'tabs' : 'vertical bars';
    return `The file separates its fields with ${by}; Gatehouse reads comma-separated files. ${SAVE_AS}`;
  }
  return null;
}

export function parseCsv(text: string): CsvResult {
  const input = text.replace(/^\uFEFF/, '');
  const format = wrongFormat(input);
  if (format) return { ok: false, message: format };
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field.trim() !== '' || afterQuote)
        return {
          ok: false,
          message: `Line ${line}: a quote appears in the middle of a field. Put the whole field in quotes and double any quote inside it.`,
        };
      field = '';
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      fields.push(field);
      if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      afterQuote = false;
      line += 1;
      recordLine = line;
    } else if (afterQuote) {
      if (char.trim() !== '')
        return {
          ok: false,
          message: `Line ${line}: text follows a closing quote. Check the quotes in this line.`,
        };
    } else {
      field += char;
    }
  }
  if (quoted)
    return {
      ok: false,
      message: `Line ${recordLine}: a quoted field is never closed. Check the quotes from this line on.`,
    };
  fields.push(field);
  if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: recordLine, fields });
  return { ok: true, records };
}

/** Header names compared as people write them: case, spaces, underscores and hyphens ignored. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-./]+/g, '');
}

/** A CSV field that a spreadsheet would run as a formula is prefixed so it shows as text. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV file that opens cleanly in Excel: UTF-8 with a byte-order mark, CRLF line ends, fields quoted
 * where they need it, and text that a spreadsheet would run as a formula neutralised.
 */
export function formatCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const field = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const safe = neutraliseFormula(value);
    return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
