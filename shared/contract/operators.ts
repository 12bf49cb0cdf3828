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
    input: z.strictObject({
      name: personNameSchema,
      role: roleSchema,
      passphrase: passphraseSchema,
      systems: z.array(z.string().min(1).max(60)).max(100).default([]),
    }),
    output: operatorSchema,
    permission: 'operators:manage',
    mutates: true,
  }),
  'operators:setSystems': defineChannel({
    summary:
      'Scope an operator to the systems they administer (none = every system); from their next sign-in.',
    input: z.strictObject({ id: z.string().uuid(), systems: z.array(z.string().min(1).max(60)).max(100) }),
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
  'operators:linkCard': defineChannel({
    summary: 'Link the smartcard in a reader to an operator, who then signs in with passphrase and card.',
    input: z.strictObject({ id: z.string().uuid(), reader: z.string().min(1).max(200) }),
    output: z.object({ summary: z.string() }),
    permission: 'operators:manage',
    mutates: true,
  }),
  'operators:unlinkCard': defineChannel({
    summary: 'Stop an operator signing in with a smartcard (a lost or replaced card), with the reason.',
    input: z.strictObject({ id: z.string().uuid(), reason: reasonSchema }),
    output: z.object({ summary: z.string() }),
    permission: 'operators:manage',
    mutates: true,
  }),
};
