/** Suspension, de-registration and mover review: the inputs and what each did. */
import { z } from 'zod';
import { authorisationSchema } from './requests';

export const SUSPENSION_REASONS = [
  'security-investigation',
  'disciplinary',
  'long-term-absence',
  'inactivity',
  'other',
] as const;
export const SUSPENSION_REASON_LABELS: Record<(typeof SUSPENSION_REASONS)[number], string> = {
  'security-investigation': 'Investigation of a security incident',
  disciplinary: 'Disciplinary action',
  'long-term-absence': 'Long-term absence',
  inactivity: 'Inactivity',
  other: 'Other exceptional circumstances',
};

export const DEREGISTRATION_REASONS = ['disciplinary', 'role-change', 'leaving', 'other'] as const;
export const DEREGISTRATION_REASON_LABELS: Record<(typeof DEREGISTRATION_REASONS)[number], string> = {
  disciplinary: 'Disciplinary action',
  'role-change': 'Change of job role or team: access no longer needed',
  leaving: 'Leaving the Trust',
  other: 'Other exceptional circumstances',
};

const name = z.string().trim().min(1, 'Name who instructed it.').max(120);
const note = z.string().trim().max(1000).optional();

export const suspensionInputSchema = z.strictObject({
  accountId: z.string().uuid(),
  reason: z.enum(SUSPENSION_REASONS),
  note,
  instructedBy: name,
  instructedRole: z.enum(['director', 'line-manager', 'system-administrator']),
  urgent: z.boolean().default(false),
  reviewOn: z.string().date('Give a review date like 2026-12-21.'),
});

export const liftInputSchema = z.strictObject({
  suspensionId: z.string().uuid(),
  reason: z.string().trim().min(3, 'Say why the suspension is lifted.').max(1000),
  approval: z
    .strictObject({ by: name, role: z.enum(['line-manager', 'senior-manager']), on: z.string().date() })
    .optional(),
});

export const suspensionSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  personId: z.string(),
  personName: z.string(),
  systemName: z.string(),
  reason: z.enum(SUSPENSION_REASONS),
  note: z.string().nullable(),
  instructedBy: z.string(),
  urgent: z.boolean(),
  startsOn: z.string(),
  reviewOn: z.string(),
  state: z.enum(['in-force', 'lifted']),
});
export type Suspension = z.infer<typeof suspensionSchema>;

export const deregistrationInputSchema = z.strictObject({
  accountId: z.string().uuid(),
  reason: z.enum(DEREGISTRATION_REASONS),
  note,
  instructedBy: name,
});

export const leaverInputSchema = z.strictObject({
  personId: z.string().uuid(),
  leftOn: z.string().date('Give the leaving date like 2026-11-30.'),
  source: z.enum(['person', 'line-manager', 'hr-leavers-report', 'esr-feed']),
  instructedBy: name,
});

/** What happened to one account, for the per-system summary the operator sees. */
export const accountOutcomeSchema = z.object({
  systemName: z.string(),
  role: z.string(),
  outcome: z.enum(['disabled', 'deleted', 'cancelled', 'kept', 'role-change-raised']),
});
export type AccountOutcome = z.infer<typeof accountOutcomeSchema>;

export const moverReviewInputSchema = z.strictObject({
  personId: z.string().uuid(),
  changes: z
    .strictObject({
      jobRole: z.string().trim().max(120),
      team: z.string().trim().max(120),
      directorate: z.string().trim().max(120),
    })
    .partial(),
  authorisation: authorisationSchema,
  decisions: z.array(
    z.strictObject({
      accountId: z.string().uuid(),
      decision: z.enum(['keep', 'change-role', 'remove']),
      newRole: z.string().trim().max(80).optional(),
    }),
  ),
});

/** What each outcome does to an account, in the operator's words (the result and the confirmation). */
export const OUTCOME_WORDS: Record<AccountOutcome['outcome'], string> = {
  disabled: 'flagged disabled (cannot be deleted)',
  deleted: 'deleted',
  cancelled: 'set-up cancelled',
  kept: 'kept',
  'role-change-raised': 'role change raised',
};

/**
 * DIS-1, DIS-2: what de-registering an account does. One never set up has its set-up cancelled; on
 * a system that keeps medical or event history it is flagged disabled, elsewhere deleted. The
 * service applies it and the screen names it before the operator confirms.
 */
export function deregistrationOutcome(
  status: 'pending' | 'active' | 'suspended',
  deletionAllowed: boolean,
): 'cancelled' | 'deleted' | 'disabled' {
  if (status === 'pending') return 'cancelled';
  return deletionAllowed ? 'deleted' : 'disabled';
}
