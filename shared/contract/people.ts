import { z } from 'zod';
import { auditEventSchema } from '../model';
import { personInputSchema, personSchema, personSummarySchema } from '../register';
import { defineChannel } from './define';

export const peopleChannels = {
  'people:search': defineChannel({
    summary: 'Search the register by name, employee number, smartcard UUID or username.',
    input: z.strictObject({
      query: z.string().max(200),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), results: z.array(personSummarySchema) }),
    permission: 'people:read',
    mutates: false,
  }),
  'people:get': defineChannel({
    summary:
      'One person with every account and their history. The access itself is recorded (USE-3), in the name of `viewer` (the operator the window was opened for) when given: another operator signed in since is refused.',
    input: z.strictObject({ id: z.string().uuid(), viewer: z.string().uuid().optional() }),
    output: z.object({ person: personSchema, history: z.array(auditEventSchema) }),
    permission: 'people:read',
    mutates: true,
  }),
  'people:create': defineChannel({
    summary: 'Add a person to the register.',
    input: personInputSchema,
    output: personSchema,
    permission: 'people:write',
    mutates: true,
  }),
  'people:update': defineChannel({
    summary: 'Change a person’s details (job role, team, line manager...).',
    input: z.strictObject({
      id: z.string().uuid(),
      changes: personInputSchema.partial(),
      reason: z.string().trim().max(1000).optional(),
    }),
    output: personSchema,
    permission: 'people:write',
    mutates: true,
  }),
};
