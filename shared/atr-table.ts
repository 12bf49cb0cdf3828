/**
 * Naming a card from its ATR, with a table in the format of pcsc-tools' smartcard_list.txt: an ATR
 * line (hex bytes, ".." or "." for any nibble), then its descriptions on lines that start with a tab;
 * "#" starts a comment. Gatehouse ships the NHS Care Identity Service entries and an administrator
 * can import the whole public table.
 */
export interface AtrEntry {
  pattern: string;
  descriptions: string[];
}

export type AtrTableParse = { ok: true; entries: AtrEntry[] } | { ok: false; message: string };

/** The NHS cards the Registration Authority meets (ATRs from pcsc-tools' public table). */
export const NHS_ATRS: AtrEntry[] = [
  {
    pattern: '3B F9 18 00 00 81 31 FE 45 4A 43 4F 50 34 31 56 32 32 AF',
    descriptions: ['NHS Care Identity Service (CIS) smartcard (JCOP41)'],
  },
  {
    pattern: '3B 6A 00 FF 4A 43 4F 50 34 31 56 32 32 31',
    descriptions: ['NHS smartcard (JCOP41)'],
  },
];

export function normaliseAtr(atr: string): string {
  return atr.replace(/[^0-9a-f.]/gi, '').toUpperCase();
}

export function parseAtrTable(text: string): AtrTableParse {
  const entries: AtrEntry[] = [];
  let current: AtrEntry | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('\t')) {
      if (!current)
        return {
          ok: false,
          message: `Line ${i + 1}: a description comes before any ATR. Is this a smartcard_list.txt file?`,
        };
      current.descriptions.push(line.trim());
      continue;
    }
    const pattern = line.trim();
    if (!/^([0-9A-Fa-f.]{2}\s+)*[0-9A-Fa-f.]{2}$/.test(pattern))
      return {
        ok: false,
        message: `Line ${i + 1}: "${pattern.slice(0, 40)}" is neither an ATR (hex bytes such as 3B F9 18 ...) nor a description (which starts with a tab).`,
      };
    current = { pattern, descriptions: [] };
    entries.push(current);
  }
  if (entries.length === 0)
    return { ok: false, message: 'The file lists no ATRs. Is it a smartcard_list.txt file?' };
  return { ok: true, entries };
}

/** The descriptions of the first entry whose pattern matches the ATR, or null. */
export function nameCard(atr: string, table: readonly AtrEntry[]): string[] | null {
  const wanted = normaliseAtr(atr);
  for (const entry of table) {
    const pattern = normaliseAtr(entry.pattern);
    if (pattern.length !== wanted.length) continue;
    if ([...pattern].every((c, i) => c === '.' || c === wanted[i])) return entry.descriptions;
  }
  return null;
}
