import { z } from 'zod';
import { PREREQUISITES } from '../catalogue';
import { reasonSchema } from '../model';
import {
  accessRequestSchema,
  authorisationSchema,
  requestInputSchema,
  taskDetailsSchema,
  taskSchema,
} from '../requests';
import { defineChannel } from './define';

const id = z.string().uuid();
const withWarnings = z.object({ request: accessRequestSchema, warnings: z.array(z.string()) });

export const requestChannels = {
  'requests:list': defineChannel({
    summary: 'Requests, newest first: open ones, or all.',
    input: z.strictObject({ view: z.enum(['open', 'all']).default('open'), personId: id.optional() }),
    output: z.array(accessRequestSchema),
    permission: 'requests:read',
    mutates: false,
  }),
  'requests:get': defineChannel({
    summary: 'One request with its blockers and SLA standing.',
    input: z.strictObject({ id }),
    output: accessRequestSchema,
    permission: 'requests:read',
    mutates: false,
  }),
  'requests:create': defineChannel({
    summary: 'Record a request received (REG-1); the registration rules decide its state.',
    input: requestInputSchema,
    output: withWarnings,
    permission: 'requests:write',
    mutates: true,
  }),
  'requests:authorise': defineChannel({
    summary: 'Record the line manager’s authorisation (REG-2; RRG-1 for reactivation).',
    input: z.strictObject({ id, authorisation: authorisationSchema }),
    output: withWarnings,
    permission: 'requests:write',
    mutates: true,
  }),
  'requests:confirmPrerequisites': defineChannel({
    summary: 'Record the prerequisites met (REG-8).',
    input: z.strictObject({ id, prerequisites: z.array(z.enum(PREREQUISITES)) }),
    output: withWarnings,
    permission: 'requests:write',
    mutates: true,
  }),
  'requests:refer': defineChannel({
    summary: 'Park the request as referred to the line manager (REG-3).',
    input: z.strictObject({ id, note: reasonSchema }),
    output: accessRequestSchema,
    permission: 'requests:write',
    mutates: true,
  }),
  'requests:resume': defineChannel({
    summary: 'The line manager answered: resume the request, with the role they confirmed.',
    input: z.strictObject({ id, role: z.string().trim().min(1).max(80) }),
    output: withWarnings,
    permission: 'requests:write',
    mutates: true,
  }),
  'requests:close': defineChannel({
    summary: 'Reject or withdraw an open request, with the reason.',
    input: z.strictObject({ id, outcome: z.enum(['rejected', 'withdrawn']), reason: reasonSchema }),
    output: accessRequestSchema,
    permission: 'requests:write',
    mutates: true,
  }),
  'tasks:list': defineChannel({
    summary: 'Set-up and change tasks for administrators.',
    input: z.strictObject({ state: z.enum(['open', 'done']).default('open'), personId: id.optional() }),
    output: z.array(taskSchema),
    permission: 'requests:read',
    mutates: false,
  }),
  'tasks:complete': defineChannel({
    summary: 'Mark a task done in the target system; account set-up records REG-6.',
    input: z.strictObject({
      id,
      setUp: taskDetailsSchema.optional(),
      note: z.string().trim().max(500).optional(),
    }),
    output: taskSchema,
    permission: 'requests:write',
    mutates: true,
  }),
};
