import { z } from 'zod';
import { accountOutcomeSchema } from '../access-changes';
import { defineChannel } from './define';
import { fileContentSchema, fileNameSchema } from './file-content';

const file = {
  fileName: fileNameSchema,
  content: fileContentSchema(5_000_000, 'split it by month.'),
};

export const leaverMatchSchema = z.object({
  line: z.number().int(),
  name: z.string(),
  team: z.string(),
  leftOn: z.string(),
  employeeNumber: z.string().nullable(),
  status: z.enum(['matched', 'ambiguous', 'not-found', 'already-left']),
  confidence: z.number(),
  candidates: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      team: z.string().nullable(),
      employeeNumber: z.string().nullable(),
      liveAccounts: z.number().int(),
    }),
  ),
});
export type LeaverMatchView = z.infer<typeof leaverMatchSchema>;

export const leaverChannels = {
  'leavers:preview': defineChannel({
    summary: 'Read the HR leavers report and match each row: matched, ambiguous, not found (DIS-3).',
    input: z.strictObject(file),
    output: z.object({
      rows: z.array(leaverMatchSchema),
      problems: z.array(z.string()),
      /** What the file's layout held besides leavers (a report title, a total), said in words. */
      notes: z.array(z.string()),
    }),
    permission: 'accounts:write',
    mutates: false,
  }),
  'leavers:apply': defineChannel({
    summary: 'De-register the confirmed leavers, all in one transaction (DIS-3, DIS-4).',
    input: z.strictObject({
      ...file,
      choices: z.array(z.strictObject({ line: z.number().int().positive(), personId: z.string().uuid() })),
    }),
    output: z.object({
      processed: z.array(
        z.object({ line: z.number().int(), personName: z.string(), outcomes: z.array(accountOutcomeSchema) }),
      ),
      skipped: z.array(z.object({ line: z.number().int(), name: z.string(), why: z.string() })),
    }),
    permission: 'accounts:write',
    mutates: true,
  }),
};
