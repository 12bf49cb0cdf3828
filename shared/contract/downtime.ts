import { z } from 'zod';
import { SEVERITIES } from '../catalogue';
import { taskSchema } from '../requests';
import { defineChannel } from './define';

export const incidentSchema = z.object({
  id: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  severity: z.enum(SEVERITIES),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  minutes: z.number().int().nullable(),
  note: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const downSystemSchema = z.object({
  systemId: z.string(),
  systemName: z.string(),
  severity: z.enum(SEVERITIES),
  since: z.string(),
});

export const downtimeChannels = {
  'downtime:current': defineChannel({
    summary: 'Systems down now, for the banner.',
    input: z.strictObject({}),
    output: z.array(downSystemSchema),
    permission: 'active',
    mutates: false,
  }),
  'downtime:markDown': defineChannel({
    summary: 'A system is unavailable (DT-1), with its severity (DT-2).',
    input: z.strictObject({
      systemId: z.string().min(1).max(60),
      severity: z.enum(SEVERITIES),
      note: z.string().trim().min(3, 'Say what is known about the fault.').max(1000),
      startedAt: z.string().datetime({ offset: true }).optional(),
    }),
    output: incidentSchema,
    permission: 'accounts:write',
    mutates: true,
  }),
  'downtime:markUp': defineChannel({
    summary: 'The system is back: its waiting tasks can be keyed in.',
    input: z.strictObject({
      systemId: z.string().min(1).max(60),
      note: z.string().trim().max(1000).optional(),
    }),
    output: incidentSchema,
    permission: 'accounts:write',
    mutates: true,
  }),
  'downtime:log': defineChannel({
    summary: 'Every downtime incident with its duration, newest first.',
    input: z.strictObject({}),
    output: z.array(incidentSchema),
    permission: 'catalogue:read',
    mutates: false,
  }),
  'downtime:reconciliation': defineChannel({
    summary: 'Tasks raised while a system was down, by system: waiting, or ready to key in.',
    input: z.strictObject({}),
    output: z.array(
      z.object({
        systemId: z.string(),
        systemName: z.string(),
        down: z.boolean(),
        tasks: z.array(taskSchema),
      }),
    ),
    permission: 'requests:read',
    mutates: false,
  }),
};
