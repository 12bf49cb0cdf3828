/**
 * Access profiles (issue 13, seed 003): the accounts a position needs. A position is a job role, team,
 * directorate and organisation, each of which may be "any" (null). The vocabulary is written once here;
 * the matching itself is pure, in policy/access-profiles.ts.
 */
import { z } from 'zod';
import { PURPOSE_KINDS } from './requests';

export const POSITION_FIELDS = ['jobRole', 'team', 'directorate', 'organisation'] as const;
export type PositionField = (typeof POSITION_FIELDS)[number];
export const POSITION_LABELS: Record<PositionField, string> = {
  jobRole: 'Job role',
  team: 'Team',
  directorate: 'Directorate',
  organisation: 'Organisation',
};

/** Blank means "any": stored and sent as null. */
const positionPart = z
  .string()
  .trim()
  .max(120)
  .nullable()
  .transform((v) => (v ? v : null));

export const positionSchema = z.strictObject({
  jobRole: positionPart,
  team: positionPart,
  directorate: positionPart,
  organisation: positionPart,
});
export type Position = z.output<typeof positionSchema>;

export const profileAccountInputSchema = z.strictObject({
  systemId: z.string().min(1).max(60),
  role: z.string().trim().min(1, 'Name the role the position needs (REG-3).').max(80),
  /** REG-9: what the access is for; defaults from the system (patient records: direct care). */
  purposeKind: z.enum(PURPOSE_KINDS).optional(),
});

export const profileInputSchema = z.strictObject({
  /** Absent for a new profile. */
  id: z.string().uuid().optional(),
  position: positionSchema,
  accounts: z.array(profileAccountInputSchema).min(1, 'A profile proposes at least one account.').max(40),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

export const profileAccountSchema = z.object({
  systemId: z.string(),
  systemName: z.string(),
  role: z.string(),
  purposeKind: z.enum(PURPOSE_KINDS),
});
export type ProfileAccount = z.infer<typeof profileAccountSchema>;

export const accessProfileSchema = z.object({
  id: z.string(),
  position: z.object({
    jobRole: z.string().nullable(),
    team: z.string().nullable(),
    directorate: z.string().nullable(),
    organisation: z.string().nullable(),
  }),
  accounts: z.array(profileAccountSchema),
  updatedAt: z.string(),
});
export type AccessProfile = z.infer<typeof accessProfileSchema>;

/** One account a person's position proposes, and why. */
export const proposedAccountSchema = z.object({
  systemId: z.string(),
  systemName: z.string(),
  role: z.string(),
  purposeKind: z.enum(PURPOSE_KINDS),
  profileId: z.string(),
  reason: z.string(),
});
export type ProposedAccount = z.infer<typeof proposedAccountSchema>;

/** An account held that no profile of the person's position explains. */
export const outsideProfileSchema = z.object({
  accountId: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  role: z.string(),
  reason: z.string(),
});
export type OutsideProfile = z.infer<typeof outsideProfileSchema>;

export const MOVER_ACTIONS = ['keep', 'add', 'change-role', 'remove'] as const;
export type MoverAction = (typeof MOVER_ACTIONS)[number];
export const MOVER_ACTION_LABELS: Record<MoverAction, string> = {
  keep: 'Keep',
  add: 'Add',
  'change-role': 'Change role',
  remove: 'Remove',
};

/** One line of a mover's proposed access review (CHG-2): the administrator and line manager decide. */
export const moverItemSchema = z.object({
  systemId: z.string(),
  systemName: z.string(),
  action: z.enum(MOVER_ACTIONS),
  accountId: z.string().nullable(),
  currentRole: z.string().nullable(),
  proposedRole: z.string().nullable(),
  reason: z.string(),
});
export type MoverItem = z.infer<typeof moverItemSchema>;

/** "Any" reads as such on screens and in sentences. */
export function describePosition(position: Position): string {
  const parts = POSITION_FIELDS.flatMap((f) => (position[f] ? [position[f]] : []));
  return parts.length === 0 ? 'any position' : parts.join(' · ');
}

/** The same position whatever the case or spacing: one profile per position. */
export function positionKey(position: Position): string {
  return POSITION_FIELDS.map((f) => (position[f] ?? '').trim().toLocaleLowerCase('en-GB')).join('\u001f');
}
