/**
 * Access reviews (issue 13 §3): certification campaigns. Each line manager confirms their staff's
 * accounts (keep, remove, change role); the administrator records the answers, since line managers do
 * not use Gatehouse. The vocabulary is written once here.
 */
import { z } from 'zod';

export const REVIEW_SCOPES = ['trust', 'system', 'team'] as const;
export const REVIEW_ANSWERS = ['keep', 'remove', 'change-role'] as const;
export type ReviewAnswer = (typeof REVIEW_ANSWERS)[number];

export const reviewScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('trust') }),
  z.strictObject({ kind: z.literal('system'), systemId: z.string().min(1).max(60) }),
  z.strictObject({ kind: z.literal('team'), team: z.string().trim().min(1).max(120) }),
]);
export type ReviewScope = z.infer<typeof reviewScopeSchema>;

/** A review item's key: its campaign's id and its number in it, unique across the Trust register. */
export const reviewItemIdSchema = z
  .string()
  .regex(/^[0-9a-f-]{36}:\d{7,}$/, 'Choose an account from the review’s list.');

export const managerProgressSchema = z.object({
  managerId: z.string().nullable(),
  managerName: z.string(),
  items: z.number().int(),
  answered: z.number().int(),
  kept: z.number().int(),
  removed: z.number().int(),
  roleChanged: z.number().int(),
  escalated: z.number().int(),
});

export const campaignSchema = z.object({
  id: z.string(),
  scope: z.string(),
  /** The system a system's review covers; null for a team's or the whole Trust's. */
  systemId: z.string().nullable(),
  dueOn: z.string(),
  state: z.enum(['open', 'closed']),
  startedAt: z.string(),
  items: z.number().int(),
  answered: z.number().int(),
  overdue: z.boolean(),
  managers: z.array(managerProgressSchema),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const reviewItemSchema = z.object({
  id: reviewItemIdSchema,
  personId: z.string(),
  personName: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  role: z.string(),
  managerName: z.string(),
  answer: z.enum(REVIEW_ANSWERS).nullable(),
  newRole: z.string().nullable(),
  answeredBy: z.string().nullable(),
  escalatedTo: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;
