import { z } from 'zod';
import { operatorSchema, passphraseSchema, personNameSchema, reasonSchema, roleSchema } from '../model';
import { defineChannel } from './define';

export const operatorChannels = {
  'operators:list': defineChannel({
    summary: 'Every operator, active and revoked.',
    input: z.strictObject({}),
    output: z.array(operatorSchema),
    permission: 'operators:read',
    mutates: false,
  }),
  'operators:add': defineChannel({
    summary: 'Add an operator with a role and a first passphrase.',
    input: z.strictObject({ name: personNameSchema, role: roleSchema, passphrase: passphraseSchema }),
    output: operatorSchema,
    permission: 'operators:manage',
    mutates: true,
  }),
  'operators:revoke': defineChannel({
    summary: 'Revoke an operator: their key slot is removed; their audit events stay.',
    input: z.strictObject({ id: z.string().uuid(), reason: reasonSchema }),
    output: operatorSchema,
    permission: 'operators:manage',
    mutates: true,
  }),
};
