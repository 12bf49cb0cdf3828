import { z } from 'zod';
import { systemChangesSchema, systemSchema } from '../catalogue';
import { defineChannel } from './define';
import { fileContentSchema, fileNameSchema } from './file-content';

const systemId = z.string().min(1).max(60);

export const catalogueChannels = {
  'catalogue:list': defineChannel({
    summary: 'Every system in the catalogue (CAT-1).',
    input: z.strictObject({}),
    output: z.array(systemSchema),
    permission: 'catalogue:read',
    mutates: false,
  }),
  'catalogue:get': defineChannel({
    summary: 'One system with its roles, prerequisites and licence allocations.',
    input: z.strictObject({ id: systemId }),
    output: systemSchema,
    permission: 'catalogue:read',
    mutates: false,
  }),
  'catalogue:update': defineChannel({
    summary: 'Change a system’s settings (administrators); audited with before and after.',
    input: z.strictObject({
      id: systemId,
      changes: systemChangesSchema,
      reason: z.string().trim().max(1000).optional(),
    }),
    output: systemSchema,
    permission: 'catalogue:write',
    mutates: true,
  }),
  'catalogue:importBankHolidays': defineChannel({
    summary: 'Import England and Wales bank holidays from the GOV.UK bank-holidays.json feed (REG-7).',
    input: z.strictObject({
      fileName: fileNameSchema,
      content: fileContentSchema(2_000_000, 'check it is GOV.UK’s bank-holidays.json.'),
    }),
    output: z.object({ added: z.number().int(), total: z.number().int(), latest: z.string().nullable() }),
    permission: 'catalogue:write',
    mutates: true,
  }),
};
