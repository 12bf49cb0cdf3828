import { z } from 'zod';
import { accessRequestSchema, taskSchema } from '../requests';
import { defineChannel } from './define';
import { downSystemSchema } from './downtime';

export const dashboardSchema = z.object({
  today: z.string(),
  requestsDueToday: z.array(accessRequestSchema),
  requestsBreached: z.array(accessRequestSchema),
  requestsOnTime: z.number().int(),
  requestsWaiting: z.number().int(),
  tasksWaiting: z.number().int(),
  tasks: z.array(taskSchema),
  systemsDown: z.array(downSystemSchema),
  licencesNearlyUsed: z.array(
    z.object({
      systemName: z.string(),
      organisation: z.string(),
      year: z.number().int(),
      used: z.number().int(),
      allocation: z.number().int(),
    }),
  ),
  /** Whether the bank holiday table reaches twelve months ahead (REG-7's working days). */
  bankHolidays: z.object({
    latest: z.string().nullable(),
    neededUntil: z.string(),
    covered: z.boolean(),
  }),
  temporaryStaffEnding: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      finishingDate: z.string(),
      liveAccounts: z.number().int(),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardChannels = {
  'dashboard:queue': defineChannel({
    summary:
      'The work queue: requests due or breached, tasks waiting, systems down, licences, temporary staff ending, bank holidays running out.',
    input: z.strictObject({}),
    output: dashboardSchema,
    permission: 'requests:read',
    mutates: false,
  }),
};
