import { z } from 'zod';
import { suspensionSchema } from '../access-changes';
import { PREREQUISITES } from '../catalogue';
import { personSchema } from '../register';
import { cardProfileSchema, identitySchema, smartcardStateSchema } from '../smartcard';
import { defineChannel } from './define';
import { fileContentSchema, fileNameSchema } from './file-content';

const reader = z.string().min(1).max(200);

const configuration = z.object({
  profile: cardProfileSchema,
  atrEntries: z.number().int(),
  importedEntries: z.number().int(),
});

export const smartcardChannels = {
  'smartcard:configuration': defineChannel({
    summary: 'The card profile and the size of the ATR table the readers use.',
    input: z.strictObject({}),
    output: configuration,
    permission: 'smartcard:check',
    mutates: false,
  }),
  'smartcard:importAtrTable': defineChannel({
    summary: 'Import an ATR table in the format of pcsc-tools’ smartcard_list.txt (administrators).',
    input: z.strictObject({
      fileName: fileNameSchema,
      content: fileContentSchema(5_000_000, 'check it is pcsc-tools’ smartcard_list.txt.'),
    }),
    output: configuration,
    permission: 'settings:manage',
    mutates: true,
  }),
  'smartcard:setProfile': defineChannel({
    summary: 'Say where a card keeps its certificate and its UUID (administrators).',
    input: z.strictObject({ profile: cardProfileSchema }),
    output: configuration,
    permission: 'settings:manage',
    mutates: true,
  }),
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
