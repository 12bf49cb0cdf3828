import { z } from 'zod';
import { accountOutcomeSchema, moverReviewInputSchema } from '../access-changes';
import { ESR_CHANGE_KINDS } from '../esr-changes';
import { defineChannel } from './define';
import { fileContentSchema, fileNameSchema } from './file-content';

/** What a person's record says against what ESR asks for, field by field, for the side-by-side view. */
const sideSchema = z.object({
  name: z.string().nullable(),
  jobRole: z.string().nullable(),
  team: z.string().nullable(),
  directorate: z.string().nullable(),
  lineManager: z.string().nullable(),
  status: z.string().nullable(),
});

export const esrChangeSchema = z.object({
  id: z.string(),
  kind: z.enum(ESR_CHANGE_KINDS),
  employeeNumber: z.string(),
  effectiveOn: z.string(),
  fileName: z.string(),
  line: z.number().int(),
  state: z.enum(['proposed', 'accepted', 'rejected']),
  decisionNote: z.string().nullable(),
  personId: z.string().nullable(),
  current: sideSchema.nullable(),
  requested: sideSchema,
  liveAccounts: z.number().int(),
});
export type EsrChange = z.infer<typeof esrChangeSchema>;

export const esrChannels = {
  'esr:import': defineChannel({
    summary: 'Import an ESR change file: starters, movers and leavers become proposals (seed 003).',
    input: z.strictObject({
      fileName: fileNameSchema,
      content: fileContentSchema(5_000_000, 'split it by week.'),
    }),
    output: z.object({
      added: z.number().int(),
      alreadyImported: z.number().int(),
      /** What the file's layout held besides changes (a report title, a total), said in words. */
      notes: z.array(z.string()),
    }),
    permission: 'accounts:write',
    mutates: true,
  }),
  'esr:list': defineChannel({
    summary: 'ESR changes awaiting a decision (or decided), with the register beside what ESR asks.',
    input: z.strictObject({ state: z.enum(['proposed', 'decided']).default('proposed') }),
    output: z.array(esrChangeSchema),
    permission: 'people:read',
    mutates: false,
  }),
  'esr:accept': defineChannel({
    summary:
      'Accept an ESR change: a starter becomes a new-user request awaiting authorisation (REG-2), a mover’s access is reviewed (CHG-1, CHG-2), a leaver is de-registered (DIS-3, DIS-4).',
    input: z.strictObject({
      id: z.string().uuid(),
      review: moverReviewInputSchema.omit({ personId: true, changes: true }).optional(),
    }),
    output: z.object({
      summary: z.string(),
      outcomes: z.array(accountOutcomeSchema),
      /** A mover's new-position requests (issue 13 §2), in a sentence or two; empty when none were proposed. */
      proposals: z.string(),
    }),
    permission: 'accounts:write',
    mutates: true,
  }),
  'esr:reject': defineChannel({
    summary: 'Reject an ESR change, with the reason.',
    input: z.strictObject({
      id: z.string().uuid(),
      reason: z.string().trim().min(3, 'Say why the change is rejected.').max(1000),
    }),
    output: z.object({ summary: z.string() }),
    permission: 'accounts:write',
    mutates: true,
  }),
};
