import { z } from 'zod';
import { passphraseSchema, personNameSchema } from '../model';
import { defineChannel } from './define';

const filePath = z.string().trim().min(1, 'Name the file.').max(4096);

export const storeChannels = {
  'store:backup': defineChannel({
    summary: 'Write an encrypted, checked backup of the store (key slots included) to a new file.',
    input: z.strictObject({ to: filePath }),
    output: z.object({ path: z.string(), bytes: z.number().int(), auditEvents: z.number().int() }),
    permission: 'store:maintain',
    mutates: true,
  }),
  'store:restore': defineChannel({
    summary:
      'Put a backup in place of the store, whole or not at all, recorded in the restored store. Before sign-in: ' +
      'the name and passphrase are checked against the backup’s own key slot, under the sign-in back-off.',
    input: z.strictObject({
      from: filePath,
      name: personNameSchema,
      passphrase: passphraseSchema,
      force: z.boolean().default(false),
    }),
    output: z.object({
      dataDir: z.string(),
      replacedInto: z.string().nullable(),
      backupCreatedAt: z.string(),
      auditEvents: z.number().int(),
    }),
    // Public: there is no session before a restore. The service checks the operator itself.
    permission: 'public',
    mutates: true,
  }),
  'store:integrity': defineChannel({
    summary: 'Check every page of the database, its references and the audit chain.',
    input: z.strictObject({}),
    output: z.object({
      ok: z.boolean(),
      problems: z.array(z.string()),
      auditEvents: z.number().int(),
    }),
    permission: 'audit:read',
    mutates: false,
  }),
};
