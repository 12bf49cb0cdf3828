import { z } from 'zod';
import { defineChannel } from './define';
import { fileContentSchema, fileNameSchema } from './file-content';

export const ORPHAN_STATES = ['open', 'linked', 'removal-raised', 'removed'] as const;

const mappingSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  date: z.string().trim().min(1).max(100),
});

export const activityChannels = {
  'activity:import': defineChannel({
    summary: 'Import a system’s last sign-in export; unknown usernames become orphan accounts (SUS-2).',
    input: z.strictObject({
      systemId: z.string().min(1).max(60),
      fileName: fileNameSchema,
      content: fileContentSchema(20_000_000, 'export a shorter period from the system.'),
      mapping: mappingSchema.optional(),
    }),
    output: z.object({
      updated: z.number().int(),
      unchanged: z.number().int(),
      orphans: z.array(z.object({ username: z.string(), lastSignIn: z.string().nullable() })),
      mapping: z.object({ username: z.string(), date: z.string() }),
      notes: z.array(z.string()),
    }),
    permission: 'accounts:write',
    mutates: true,
  }),
  'activity:orphans': defineChannel({
    summary: 'Accounts found in a system’s export that the register does not know.',
    input: z.strictObject({
      systemId: z.string().min(1).max(60).optional(),
      show: z.enum(['outstanding', 'all']).default('outstanding'),
    }),
    output: z.array(
      z.object({
        systemId: z.string(),
        systemName: z.string(),
        username: z.string(),
        lastSignIn: z.string().nullable(),
        firstFoundAt: z.string(),
        state: z.enum(ORPHAN_STATES),
        resolutionNote: z.string().nullable(),
      }),
    ),
    permission: 'people:read',
    mutates: false,
  }),
  'activity:resolveOrphan': defineChannel({
    summary:
      'Deal with an orphan account: link it to a person (REG-3, REG-4), raise its removal, or record it removed.',
    input: z.strictObject({
      systemId: z.string().min(1).max(60),
      username: z.string().min(1).max(200),
      resolution: z.discriminatedUnion('action', [
        z.strictObject({
          action: z.literal('link'),
          personId: z.string().uuid(),
          role: z.string().trim().min(1).max(80),
        }),
        z.strictObject({
          action: z.literal('raise-removal'),
          reason: z.string().trim().min(3, 'Say why the account should be removed.').max(1000),
        }),
        z.strictObject({
          action: z.literal('removed'),
          note: z.string().trim().min(3, 'Say who removed it and when.').max(1000),
        }),
      ]),
    }),
    output: z.object({ summary: z.string() }),
    permission: 'accounts:write',
    mutates: true,
  }),
};
