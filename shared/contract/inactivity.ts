import { z } from 'zod';
import { defineChannel } from './define';

export const inactivityChannels = {
  'inactivity:run': defineChannel({
    summary:
      'The SUS-2 sweep: notify line managers of accounts nearing their inactivity period (email drafts) and propose the suspensions that are due.',
    input: z.strictObject({ asOf: z.string().date('Give the date like 2026-11-30.').optional() }),
    output: z.object({
      asOf: z.string(),
      notices: z.array(
        z.object({
          managerName: z.string(),
          managerEmail: z.string().nullable(),
          staff: z.array(
            z.object({
              personName: z.string(),
              systemName: z.string(),
              role: z.string(),
              username: z.string().nullable(),
              lastActivity: z.string().nullable(),
              deactivateOn: z.string(),
            }),
          ),
        }),
      ),
      proposed: z.number().int(),
      cleared: z.number().int(),
      drafts: z.array(z.object({ managerName: z.string(), fileName: z.string(), content: z.string() })),
      /** Line managers with no valid email address: no draft was made for them. */
      needsEmail: z.array(z.object({ managerName: z.string(), staff: z.number().int() })),
    }),
    permission: 'accounts:write',
    mutates: true,
  }),
};
