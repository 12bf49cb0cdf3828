/**
 * The domain model as zod schemas: the contract validates with them in main, and their inferred
 * types are what both sides program against.
 */
import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions';
import { MAX_PASSPHRASE_LENGTH } from './policy/passphrase';

export const roleSchema = z.enum(ROLES);
export const permissionSchema = z.enum(PERMISSIONS);

/** A display name typed by a person: trimmed, non-empty, printable, of a sane length. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(120, 'Use a name of at most 120 characters.')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'Use a name without control characters.');

export const passphraseSchema = z
  .string()
  .min(1, 'Enter a passphrase.')
  .max(MAX_PASSPHRASE_LENGTH, `Use a passphrase of at most ${MAX_PASSPHRASE_LENGTH} characters.`);

export const reasonSchema = z
  .string()
  .trim()
  .min(3, 'Give a reason of at least a few words; it goes into the audit trail.')
  .max(1000, 'Keep the reason under 1,000 characters.');

export const isoTimeSchema = z.string().datetime({ offset: true });

export const operatorSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'revoked']),
  createdAt: isoTimeSchema,
  revokedAt: isoTimeSchema.nullable(),
  lastSignInAt: isoTimeSchema.nullable(),
  /** Systems the operator administers; empty means every system. */
  systems: z.array(z.string()),
  /** The UUID of the smartcard the operator signs in with, if any. */
  cardUuid: z.string().nullable(),
});
export type Operator = z.infer<typeof operatorSchema>;

export const signedInOperatorSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  role: roleSchema,
  permissions: z.array(permissionSchema),
  /** Systems the operator administers; null means every system. */
  systems: z.array(z.string()).nullable(),
});
export type SignedInOperator = z.infer<typeof signedInOperatorSchema>;

export const acceptableUseSchema = z.object({
  version: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
});

/** Why the sign-in screen is showing, so it can say so. */
export const signedOutReasonSchema = z.enum([
  'signed-out',
  'idle',
  'card-removed',
  'start',
  'joined-register',
]);
export type SignedOutReason = z.infer<typeof signedOutReasonSchema>;

export const sessionStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('first-run') }),
  z.object({ state: z.literal('signed-out'), reason: signedOutReasonSchema }),
  z.object({
    state: z.literal('acknowledging'),
    operator: signedInOperatorSchema,
    acceptableUse: acceptableUseSchema,
  }),
  z.object({
    state: z.literal('active'),
    operator: signedInOperatorSchema,
    idleLockMinutes: z.number().int(),
  }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const auditEventSchema = z.object({
  seq: z.number().int().positive(),
  at: isoTimeSchema,
  operatorId: z.string().nullable(),
  operatorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  subjectLabel: z.string().nullable(),
  reason: z.string().nullable(),
  instructedBy: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** Where it was made (issue 12 §5): the workstation (Trust workstation id when joined, else host name)... */
  workstation: z.string().nullable(),
  /** ...and the kind of host (shared/host-kinds.ts); both null on events from before they were recorded. */
  host: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const chainStatusSchema = z.object({
  valid: z.boolean(),
  count: z.number().int().nonnegative(),
  headHash: z.string().nullable(),
  firstBad: z
    .object({
      seq: z.number().int(),
      problem: z.string(),
    })
    .nullable(),
  /** Every problem found: events (chain, signatures) and the append-only triggers (issue 10 §1). */
  problems: z.array(z.string()),
  /** Facts that are not failures, e.g. which events predate signatures. */
  notes: z.array(z.string()),
});
export type ChainStatus = z.infer<typeof chainStatusSchema>;

/** The audit head signed by an operator, kept outside the store (format: electron/store/audit-anchor.ts). */
export const auditAnchorSchema = z.strictObject({
  format: z.literal('gatehouse-audit-anchor'),
  version: z.literal(1),
  storeId: z.string().uuid(),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  operatorId: z.string(),
  signature: z.string(),
});
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

export const IDLE_LOCK_MINUTES = { min: 1, max: 120, default: 10 } as const;

export const settingsSchema = z.object({
  idleLockMinutes: z
    .number()
    .int('Use a whole number of minutes.')
    .min(IDLE_LOCK_MINUTES.min, `Lock after at least ${IDLE_LOCK_MINUTES.min} minute.`)
    .max(IDLE_LOCK_MINUTES.max, `Lock after at most ${IDLE_LOCK_MINUTES.max} minutes.`),
  /** Lock Gatehouse when a card-linked operator's smartcard is taken out (on by default). */
  lockOnCardRemoval: z.boolean(),
  trustName: z
    .string()
    .trim()
    .min(2, 'Give the Trust’s name as it should appear on reports.')
    .max(120, 'Keep the Trust’s name under 120 characters.'),
});
/** Until an administrator names the Trust, reports say so rather than invent a name. */
export const DEFAULT_TRUST_NAME = 'NHS Trust (name not yet set in Settings)';
export type Settings = z.infer<typeof settingsSchema>;
