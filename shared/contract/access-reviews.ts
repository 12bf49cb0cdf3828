import { z } from 'zod';
import {
  campaignSchema,
  REVIEW_ANSWERS,
  reviewItemIdSchema,
  reviewItemSchema,
  reviewScopeSchema,
} from '../access-reviews';
import { defineChannel } from './define';
import { reportFileSchema } from './reports';

const campaignId = z.string().uuid();

export const reviewChannels = {
  'reviews:start': defineChannel({
    summary: 'Start an access review of a system, a team or the whole Trust, due by a date (issue 13 §3).',
    input: z.strictObject({
      scope: reviewScopeSchema,
      dueOn: z.string().date('Give the due date like 2026-12-31.'),
    }),
    output: campaignSchema,
    permission: 'accounts:write',
    mutates: true,
  }),
  'reviews:status': defineChannel({
    summary: 'Every access review with its progress per line manager.',
    input: z.strictObject({}),
    output: z.array(campaignSchema),
    permission: 'reports:read',
    mutates: false,
  }),
  'reviews:items': defineChannel({
    summary: 'The accounts of one review, or of one line manager’s list in it.',
    input: z.strictObject({ campaignId, managerId: z.string().uuid().nullable().optional() }),
    output: z.array(reviewItemSchema),
    permission: 'reports:read',
    mutates: false,
  }),
  'reviews:answer': defineChannel({
    summary: 'Record a line manager’s answer: keep, remove (de-registration) or change role (a request).',
    input: z.strictObject({
      itemId: reviewItemIdSchema,
      answer: z.enum(REVIEW_ANSWERS),
      newRole: z.string().trim().min(1).max(80).optional(),
      answeredBy: z.string().trim().min(1, 'Name the line manager who answered.').max(120),
      answeredOn: z.string().date('Use a date like 2026-12-01.'),
    }),
    output: z.object({ summary: z.string() }),
    permission: 'accounts:write',
    mutates: true,
  }),
  'reviews:escalate': defineChannel({
    summary: 'Escalate every unanswered item past the due date to the line manager’s own manager.',
    input: z.strictObject({ campaignId }),
    output: z.object({ escalated: z.number().int(), seniorManagers: z.array(z.string()) }),
    permission: 'accounts:write',
    mutates: true,
  }),
  'reviews:emails': defineChannel({
    summary: 'One email draft (.eml) per line manager with their staff’s accounts to confirm.',
    input: z.strictObject({ campaignId }),
    output: z.object({
      drafts: z.array(z.object({ fileName: z.string(), content: z.string() })),
      needsEmail: z.array(z.object({ managerName: z.string(), accounts: z.number().int() })),
    }),
    permission: 'accounts:write',
    mutates: false,
  }),
  'reviews:escalationEmails': defineChannel({
    summary:
      'One email draft (.eml) per senior manager with the escalated, still unanswered accounts of the line managers below them.',
    input: z.strictObject({ campaignId }),
    output: z.object({
      scope: z.string(),
      drafts: z.array(z.object({ seniorName: z.string(), fileName: z.string(), content: z.string() })),
      /** Senior managers with no valid email address: no draft, so that nothing goes to nobody. */
      needsEmail: z.array(z.object({ managerName: z.string(), accounts: z.number().int() })),
      /** Line managers with no manager of their own recorded: nobody to escalate their list to. */
      noSenior: z.array(z.object({ managerName: z.string(), accounts: z.number().int() })),
    }),
    permission: 'accounts:write',
    mutates: false,
  }),
  'reviews:share': defineChannel({
    summary:
      'Hand the access reviews this workstation started before reviews were on the Trust register up to it (the sync does this).',
    input: z.strictObject({}),
    output: z.object({ shared: z.number().int() }),
    permission: 'accounts:write',
    mutates: true,
  }),
  'reviews:report': defineChannel({
    summary:
      'One access review’s progress and outcomes per line manager, as CSV (UTF-8 with BOM) or A4 PDF; the export is audited.',
    input: z.strictObject({ campaignId, format: z.enum(['csv', 'pdf']) }),
    output: reportFileSchema,
    permission: 'reports:read',
    mutates: true,
  }),
};
