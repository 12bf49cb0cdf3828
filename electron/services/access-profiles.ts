/**
 * Access profiles (issue 13 §1): kept by the administrators of the systems they name (scoped as every
 * catalogue change is), each change audited with the profile before and after; tried against the
 * register before saving; imported and exported as CSV.
 */
import { randomUUID } from 'node:crypto';
import type { Person } from '../../shared/register';
import type { Json } from '../../shared/canonical-json';
import {
  type AccessProfile,
  describePosition,
  type MoverItem,
  type Position,
  type PositionField,
  positionKey,
  type ProfileAccount,
} from '../../shared/access-profiles';
import { londonDate } from '../../shared/policy/working-days';
import {
  byName,
  moverDifference,
  outsideProfile,
  positionMatches,
  profileMatcher,
} from '../../shared/policy/access-profiles';
import { defaultPurpose, formatProfilesCsv, parseProfilesCsv } from '../../shared/profiles-csv';
import type { AuditWriter, Handlers, ServiceContext } from '../service-context';
import { listSystems } from '../store/catalogue-queries';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import {
  activePeople,
  deleteProfile,
  listProfiles,
  liveAccountsByPerson,
  profileIdByPosition,
  writeProfile,
} from '../store/profile-queries';
import { requireSystem } from './catalogue';
import { requirePerson } from './people';

/**
 * A mover's proposed review from the profiles of the old and new position (CHG-2), before the move is
 * recorded: the screen shows it, and an ESR mover's "add" lines become requests when the move is accepted.
 */
export function moverProposal(
  db: Db,
  person: Person,
  changes: { [K in PositionField]?: string },
): MoverItem[] {
  const profiles = listProfiles(db);
  // Without profiles there is nothing to propose: the review is the administrator's alone, as before.
  if (profiles.length === 0) return [];
  const matcher = profileMatcher(profiles);
  const moved = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== ''));
  const held = liveAccountsByPerson(db, person.id).get(person.id) ?? [];
  return moverDifference(held, matcher.propose(person), matcher.propose({ ...person, ...moved }));
}

/** A profile as typed on the screen or read from a CSV line, before the catalogue is consulted. */
interface ProfileDraft {
  position: Position;
  accounts: { systemId: string; role: string; purposeKind?: ProfileAccount['purposeKind'] }[];
}

/** The profile as it would be saved, its systems and roles checked against the catalogue (REG-3, REG-4). */
function resolveProfile(db: Db, input: ProfileDraft, id: string, now: string): AccessProfile {
  const seen = new Set<string>();
  const accounts = input.accounts.map((a) => {
    const system = requireSystem(db, a.systemId);
    if (seen.has(system.id))
      throw new GatehouseError(
        'INVALID_INPUT',
        `The profile names ${system.name} twice; a position has one account per system (REG-4).`,
      );
    seen.add(system.id);
    const role = system.roles.find((r) => r.name.toLowerCase() === a.role.toLowerCase());
    if (!role)
      throw new GatehouseError(
        'REFUSED_BY_POLICY',
        `${system.name} does not offer the role "${a.role}" (REG-3). Choose one of: ${system.roles.map((r) => r.name).join(', ')}.`,
      );
    return {
      systemId: system.id,
      systemName: system.name,
      role: role.name,
      purposeKind: a.purposeKind ?? defaultPurpose(system),
    };
  });
  return { id, position: input.position, accounts, updatedAt: now };
}

function existing(db: Db, id: string): AccessProfile {
  const profile = listProfiles(db).find((p) => p.id === id);
  if (!profile)
    throw new GatehouseError('NOT_FOUND', 'That access profile is no longer in Gatehouse. Refresh the list.');
  return profile;
}

/** Changing a profile needs every system on it, as it was and as it will be, in the operator's scope. */
function requireScope(ctx: ServiceContext, ...profiles: (AccessProfile | null)[]): void {
  for (const p of profiles) for (const a of p?.accounts ?? []) ctx.requireSystemScope(a.systemId);
}

function snapshot(profile: AccessProfile): Json {
  return {
    position: describePosition(profile.position),
    accounts: profile.accounts.map((a) => `${a.systemName}: ${a.role} (${a.purposeKind})`),
  };
}

function save(
  ctx: ServiceContext,
  audit: AuditWriter,
  profile: AccessProfile,
  before: AccessProfile | null,
): void {
  writeProfile(ctx.db(), profile.id, profile, profile.updatedAt, before === null);
  audit({
    action: 'profile.saved',
    subject: { type: 'access-profile', id: profile.id, label: describePosition(profile.position) },
    before: before && snapshot(before),
    after: snapshot(profile),
  });
}

function sameAccounts(a: AccessProfile, b: AccessProfile): boolean {
  return JSON.stringify(snapshot(a)) === JSON.stringify(snapshot(b));
}

function clash(db: Db, profile: AccessProfile): void {
  const other = profileIdByPosition(db, profile.position);
  if (other && other !== profile.id)
    throw new GatehouseError(
      'CONFLICT',
      `There is already a profile for ${describePosition(existing(db, other).position)}. Change that one instead.`,
    );
}

export const profileHandlers: Pick<
  Handlers,
  | 'profiles:list'
  | 'profiles:save'
  | 'profiles:delete'
  | 'profiles:try'
  | 'profiles:import'
  | 'profiles:export'
  | 'profiles:forPerson'
  | 'profiles:moverDifference'
> = {
  'profiles:list': (ctx) => listProfiles(ctx.db()),

  'profiles:save': (ctx, input) => {
    const db = ctx.db();
    const before = input.id ? existing(db, input.id) : null;
    const profile = resolveProfile(db, input, input.id ?? randomUUID(), ctx.clock.now().toISOString());
    requireScope(ctx, before, profile);
    clash(db, profile);
    if (
      before &&
      sameAccounts(before, profile) &&
      positionKey(before.position) === positionKey(profile.position)
    )
      throw new GatehouseError('CONFLICT', 'Nothing to save: the profile is already like that.');
    ctx.transact((audit) => save(ctx, audit, profile, before));
    return existing(db, profile.id);
  },

  'profiles:delete': (ctx, input) => {
    const db = ctx.db();
    const before = existing(db, input.id);
    requireScope(ctx, before);
    ctx.transact((audit) => {
      deleteProfile(db, before.id);
      audit({
        action: 'profile.deleted',
        subject: { type: 'access-profile', id: before.id, label: describePosition(before.position) },
        before: snapshot(before),
      });
    });
    return { summary: `The profile for ${describePosition(before.position)} is removed.` };
  },

  'profiles:try': (ctx, input) => {
    const db = ctx.db();
    const candidate = resolveProfile(db, input, input.id ?? 'candidate', ctx.clock.now().toISOString());
    const held = liveAccountsByPerson(db);
    let matching = 0;
    const lackingPeople: { personId: string; name: string; team: string | null; lacks: string[] }[] = [];
    for (const person of activePeople(db)) {
      if (!positionMatches(candidate.position, person)) continue;
      matching += 1;
      const accounts = held.get(person.id) ?? [];
      const lacks = candidate.accounts
        .filter(
          (a) =>
            !accounts.some(
              (h) =>
                h.systemId === a.systemId &&
                h.kind === 'normal' &&
                h.role.toLowerCase() === a.role.toLowerCase(),
            ),
        )
        .map((a) => `${a.systemName} (${a.role})`);
      if (lacks.length > 0)
        lackingPeople.push({ personId: person.id, name: person.name, team: person.team, lacks });
    }
    lackingPeople.sort((a, b) => byName(a.name, b.name));
    return { matching, lacking: lackingPeople.length, sample: lackingPeople.slice(0, 20) };
  },

  'profiles:import': (ctx, input) => {
    const db = ctx.db();
    const parsed = parseProfilesCsv(input.content, listSystems(db));
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, 20);
      const more = parsed.problems.length - shown.length;
      throw new GatehouseError(
        'INVALID_INPUT',
        [
          `${input.fileName} was not imported; nothing changed.`,
          ...shown,
          ...(more > 0 ? [`…and ${more} more.`] : []),
        ].join(' '),
      );
    }
    const now = ctx.clock.now().toISOString();
    const current = new Map(listProfiles(db).map((p) => [positionKey(p.position), p]));
    const plan = parsed.profiles.map((draft) => {
      const before = current.get(positionKey(draft.position)) ?? null;
      const profile = resolveProfile(db, draft, before?.id ?? randomUUID(), now);
      requireScope(ctx, before, profile);
      return { profile, before };
    });
    const changed = plan.filter((p) => !p.before || !sameAccounts(p.before, p.profile));
    return ctx.transact((audit) => {
      for (const { profile, before } of changed) save(ctx, audit, profile, before);
      const result = {
        added: changed.filter((p) => !p.before).length,
        replaced: changed.filter((p) => p.before).length,
        unchanged: plan.length - changed.length,
      };
      audit({
        action: 'profiles.imported',
        subject: { type: 'file', id: input.fileName, label: `Access profiles ${input.fileName}` },
        after: result,
      });
      return result;
    });
  },

  'profiles:export': (ctx) => {
    const profiles = listProfiles(ctx.db());
    return {
      fileName: `access-profiles-${londonDate(ctx.clock.now())}.csv`,
      content: formatProfilesCsv(profiles),
      rows: profiles.reduce((n, p) => n + p.accounts.length, 0),
    };
  },

  'profiles:forPerson': (ctx, input) => {
    const db = ctx.db();
    const person = requirePerson(db, input.personId);
    const profiles = listProfiles(db);
    if (profiles.length === 0) return { profiles: 0, proposed: [], outside: [] };
    const proposed = profileMatcher(profiles).propose(person);
    const held = liveAccountsByPerson(db, person.id).get(person.id) ?? [];
    return { profiles: profiles.length, proposed, outside: outsideProfile(held, proposed) };
  },

  'profiles:moverDifference': (ctx, input) =>
    moverProposal(ctx.db(), requirePerson(ctx.db(), input.personId), input.changes),
};
