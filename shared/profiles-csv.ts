/**
 * Access profiles as a spreadsheet (issue 13 §1): one row per account a position needs, with the
 * columns job role, team, directorate, organisation, system, role and, optionally, purpose. A blank
 * position field means "any"; rows with the same position make one profile. Reading is all or
 * nothing: every problem is reported with its line, and nothing is imported while any remains.
 */
import type { CatalogueSystem } from './catalogue';
import { formatCsv, headerKey, parseCsv } from './csv';
import {
  type AccessProfile,
  describePosition,
  type Position,
  POSITION_FIELDS,
  positionKey,
} from './access-profiles';
import { PURPOSE_KINDS } from './requests';

type PurposeKind = (typeof PURPOSE_KINDS)[number];

export const PROFILE_CSV_HEADER = [
  'Job role',
  'Team',
  'Directorate',
  'Organisation',
  'System',
  'Role',
  'Purpose',
] as const;
const REQUIRED = PROFILE_CSV_HEADER.slice(0, 6);

export interface ProfileDraft {
  position: Position;
  accounts: { systemId: string; role: string; purposeKind: PurposeKind }[];
  /** The first line of the file that named this position. */
  line: number;
}

export type ProfilesCsvResult = { ok: true; profiles: ProfileDraft[] } | { ok: false; problems: string[] };

type Catalogue = Pick<CatalogueSystem, 'id' | 'name' | 'roles' | 'holdsPatientRecords'>[];

/** Patient-record systems are for direct care unless the profile says otherwise (REG-9). */
export function defaultPurpose(system: Pick<CatalogueSystem, 'holdsPatientRecords'>): PurposeKind {
  return system.holdsPatientRecords ? 'direct-care' : 'administration';
}

export function parseProfilesCsv(text: string, catalogue: Catalogue): ProfilesCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.message] };
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: false, problems: ['The file is empty: the first line names the columns.'] };
  const index = new Map(header.fields.map((name, i) => [headerKey(name), i]));
  const missing = REQUIRED.filter((c) => !index.has(headerKey(c)));
  if (missing.length > 0)
    return {
      ok: false,
      problems: [
        `Line 1 lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}. The columns are: ${PROFILE_CSV_HEADER.join(', ')} (Purpose is optional).`,
      ],
    };
  if (rows.length === 0) return { ok: false, problems: ['The file has a header but no profiles.'] };
  const field = (fields: string[], name: string) => (fields[index.get(headerKey(name)) ?? -1] ?? '').trim();
  const bySystem = new Map<string, Catalogue[number]>();
  for (const s of catalogue) {
    bySystem.set(s.id.toLowerCase(), s);
    bySystem.set(s.name.toLocaleLowerCase('en-GB'), s);
  }
  const problems: string[] = [];
  const profiles = new Map<string, ProfileDraft & { lines: Map<string, number> }>();
  for (const { line, fields } of rows) {
    const position = Object.fromEntries(
      POSITION_FIELDS.map((f, i) => [f, field(fields, PROFILE_CSV_HEADER[i]!) || null]),
    ) as Position;
    const systemName = field(fields, 'System');
    const role = field(fields, 'Role');
    const purpose = field(fields, 'Purpose').toLowerCase();
    const system = bySystem.get(systemName.toLocaleLowerCase('en-GB'));
    if (!systemName) {
      problems.push(`Line ${line}: name the system.`);
      continue;
    }
    if (!system) {
      problems.push(
        `Line ${line}: "${systemName}" is not a system in the catalogue. Use its name or id as the Catalogue shows it.`,
      );
      continue;
    }
    const offered = system.roles.find(
      (r) => r.name.toLocaleLowerCase('en-GB') === role.toLocaleLowerCase('en-GB'),
    );
    if (!offered) {
      problems.push(
        `Line ${line}: ${system.name} does not offer the role "${role}" (REG-3). Choose one of: ${system.roles.map((r) => r.name).join(', ')}.`,
      );
      continue;
    }
    if (purpose && !(PURPOSE_KINDS as readonly string[]).includes(purpose)) {
      problems.push(`Line ${line}: the purpose is one of ${PURPOSE_KINDS.join(', ')}, or blank.`);
      continue;
    }
    const key = positionKey(position);
    const profile = profiles.get(key) ?? { position, accounts: [], line, lines: new Map<string, number>() };
    const earlier = profile.lines.get(system.id);
    if (earlier !== undefined) {
      problems.push(
        `Line ${line}: the profile for ${describePosition(position)} already names ${system.name} on line ${earlier}; a position has one account per system (REG-4).`,
      );
      continue;
    }
    profile.lines.set(system.id, line);
    profile.accounts.push({
      systemId: system.id,
      role: offered.name,
      purposeKind: (purpose as PurposeKind) || defaultPurpose(system),
    });
    profiles.set(key, profile);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    profiles: [...profiles.values()].map(({ position, accounts, line }) => ({ position, accounts, line })),
  };
}

export function formatProfilesCsv(profiles: readonly AccessProfile[]): string {
  return formatCsv([
    [...PROFILE_CSV_HEADER],
    ...profiles.flatMap((p) =>
      p.accounts.map((a) => [
        p.position.jobRole,
        p.position.team,
        p.position.directorate,
        p.position.organisation,
        a.systemName,
        a.role,
        a.purposeKind,
      ]),
    ),
  ]);
}
