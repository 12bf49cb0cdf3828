import { z } from 'zod';
import { defineChannel } from './define';

const mappingSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  date: z.string().trim().min(1).max(100),
});

export const activityChannels = {
  'activity:import': defineChannel({
    summary: 'Import a system’s last sign-in export; unknown usernames become orphan accounts (SUS-2).',
    input: z.strictObject({
      systemId: z.string().min(1).max(60),
      fileName: z.string().min(1).max(260),
      content: z.string().max(20_000_000),
      mapping: mappingSchema.optional(),
    }),
    output: z.object({
      updated: z.number().int(),
      unchanged: z.number().int(),
      orphans: z.array(z.object({ username: z.string(), lastSignIn: z.string().nullable() })),
      mapping: z.object({ username: z.string(), date: z.string() }),
    }),
    permission: 'accounts:write',
    mutates: true,
  }),
  'activity:orphans': defineChannel({
    summary: 'Accounts found in a system’s export that the register does not know.',
    input: z.strictObject({ systemId: z.string().min(1).max(60).optional() }),
    output: z.array(
      z.object({
        systemId: z.string(),
        systemName: z.string(),
        username: z.string(),
        lastSignIn: z.string().nullable(),
        firstFoundAt: z.string(),
      }),
    ),
    permission: 'people:read',
    mutates: false,
  }),
};
