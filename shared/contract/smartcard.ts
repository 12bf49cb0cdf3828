import { z } from 'zod';
import { suspensionSchema } from '../access-changes';
import { PREREQUISITES } from '../catalogue';
import { personSchema } from '../register';
import { identitySchema, smartcardStateSchema } from '../smartcard';
import { defineChannel } from './define';

const reader = z.string().min(1).max(200);

export const smartcardChannels = {
  'smartcard:status': defineChannel({
    summary: 'The smartcard readers, the card in each and what was read from it.',
    input: z.strictObject({}),
    output: smartcardStateSchema,
    permission: 'smartcard:check',
    mutates: false,
  }),
  'smartcard:holder': defineChannel({
    summary:
      'The RA holder check: the register record of the person whose card is in the reader (recorded, USE-3).',
    input: z.strictObject({ reader }),
    output: z.object({
      identity: identitySchema,
      person: personSchema.nullable(),
      suspensions: z.array(suspensionSchema),
      esrPrerequisites: z.array(
        z.object({ prerequisite: z.enum(PREREQUISITES), label: z.string(), met: z.boolean() }),
      ),
    }),
    permission: 'smartcard:check',
    mutates: true,
  }),
  'smartcard:link': defineChannel({
    summary: 'Record the card in the reader as this person’s smartcard (audited).',
    input: z.strictObject({ reader, personId: z.string().uuid() }),
    output: z.object({ summary: z.string() }),
    permission: 'people:write',
    mutates: true,
  }),
};
