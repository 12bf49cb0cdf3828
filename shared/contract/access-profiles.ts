import { z } from 'zod';
import {
  accessProfileSchema,
  moverItemSchema,
  outsideProfileSchema,
  profileInputSchema,
  proposedAccountSchema,
} from '../access-profiles';
import { accessRequestSchema, authorisationSchema } from '../requests';
import { defineChannel } from './define';
import { fileContentSchema, fileNameSchema } from './file-content';

const id = z.string().uuid();
const positionChanges = z
  .strictObject({
    jobRole: z.string().trim().max(120),
    team: z.string().trim().max(120),
    directorate: z.string().trim().max(120),
    organisation: z.string().trim().max(120),
  })
  .partial();

export const profileChannels = {
  'profiles:list': defineChannel({
    summary: 'Every access profile: a position and the accounts it needs (issue 13 §1).',
    input: z.strictObject({}),
    output: z.array(accessProfileSchema),
    permission: 'catalogue:read',
    mutates: false,
  }),
  'profiles:save': defineChannel({
    summary: 'Add or change an access profile; its systems’ administrators only; audited before and after.',
    input: profileInputSchema,
    output: accessProfileSchema,
    permission: 'catalogue:write',
    mutates: true,
  }),
  'profiles:delete': defineChannel({
    summary: 'Remove an access profile; audited with what it was.',
    input: z.strictObject({ id }),
    output: z.object({ summary: z.string() }),
    permission: 'catalogue:write',
    mutates: true,
  }),
  'profiles:try': defineChannel({
    summary: 'Try a profile against the register before saving: who matches, who lacks what it proposes.',
    input: profileInputSchema,
    output: z.object({
      matching: z.number().int(),
      lacking: z.number().int(),
      sample: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          team: z.string().nullable(),
          lacks: z.array(z.string()),
        }),
      ),
    }),
    permission: 'people:read',
    mutates: false,
  }),
  'profiles:import': defineChannel({
    summary: 'Import profiles from CSV, all or nothing; each position in the file replaces its profile.',
    input: z.strictObject({
      fileName: fileNameSchema,
      content: fileContentSchema(5_000_000, 'split it by directorate.'),
    }),
    output: z.object({ added: z.number().int(), replaced: z.number().int(), unchanged: z.number().int() }),
    permission: 'catalogue:write',
    mutates: true,
  }),
  'profiles:export': defineChannel({
    summary: 'Every profile as CSV (UTF-8 with BOM), the columns import reads.',
    input: z.strictObject({}),
    output: z.object({ fileName: z.string(), content: z.string(), rows: z.number().int() }),
    permission: 'catalogue:read',
    mutates: false,
  }),
  'profiles:forPerson': defineChannel({
    summary: 'What a person’s position proposes, and the accounts they hold outside profile (issue 13 §2).',
    input: z.strictObject({ personId: id }),
    output: z.object({
      /** Profiles defined in all: with none, the Trust does not use them and nothing is "outside". */
      profiles: z.number().int(),
      proposed: z.array(proposedAccountSchema),
      outside: z.array(outsideProfileSchema),
    }),
    permission: 'people:read',
    mutates: false,
  }),
  'profiles:moverDifference': defineChannel({
    summary: 'A mover’s proposed review: keep, add, change role or remove, each with its reason (CHG-2).',
    input: z.strictObject({ personId: id, changes: positionChanges }),
    output: z.array(moverItemSchema),
    permission: 'people:read',
    mutates: false,
  }),
  'profiles:raiseRequests': defineChannel({
    summary: 'Raise one request per account the person’s position proposes; each waits for REG-2.',
    input: z.strictObject({
      personId: id,
      reference: z.string().trim().min(1, 'Give the service-desk reference (REG-1).').max(40),
    }),
    output: z.object({
      raised: z.array(accessRequestSchema),
      skipped: z.array(z.string()),
      refused: z.array(z.string()),
    }),
    permission: 'requests:write',
    mutates: true,
  }),
  'requests:authoriseAll': defineChannel({
    summary: 'Record one line-manager authorisation on several of a person’s requests at once (REG-2).',
    input: z.strictObject({ ids: z.array(id).min(1).max(100), authorisation: authorisationSchema }),
    output: z.object({ requests: z.array(accessRequestSchema), warnings: z.array(z.string()) }),
    permission: 'requests:write',
    mutates: true,
  }),
};
