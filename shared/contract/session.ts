import { z } from 'zod';
import { passphraseSchema, personNameSchema, sessionStateSchema } from '../model';
import { defineChannel } from './define';

const nothing = z.strictObject({});

export const sessionChannels = {
  'session:status': defineChannel({
    summary: 'Whether the store exists and who, if anyone, is signed in.',
    input: nothing,
    output: sessionStateSchema,
    permission: 'public',
    mutates: false,
  }),
  'session:createFirstAdministrator': defineChannel({
    summary: 'First run: create the encrypted store and its first administrator, then sign them in.',
    input: z.strictObject({ name: personNameSchema, passphrase: passphraseSchema }),
    output: sessionStateSchema,
    permission: 'public',
    mutates: true,
  }),
  'session:signIn': defineChannel({
    summary: 'Unlock the store with an operator’s passphrase.',
    input: z.strictObject({ name: personNameSchema, passphrase: passphraseSchema }),
    output: sessionStateSchema,
    permission: 'public',
    mutates: true,
  }),
  'session:acknowledgeAcceptableUse': defineChannel({
    summary: 'Record that the operator read the acceptable use statement (USE-2).',
    input: z.strictObject({ version: z.string().min(1) }),
    output: sessionStateSchema,
    permission: 'signed-in',
    mutates: true,
  }),
  'session:signOut': defineChannel({
    summary: 'Sign out: the database key is dropped from memory.',
    input: nothing,
    output: sessionStateSchema,
    permission: 'signed-in',
    mutates: true,
  }),
  'session:touch': defineChannel({
    summary: 'The operator is still at the keyboard: postpone the idle lock.',
    input: nothing,
    output: z.object({ idleLockAt: z.string() }),
    permission: 'signed-in',
    mutates: false,
  }),
  'session:changePassphrase': defineChannel({
    summary: 'Change the signed-in operator’s own passphrase (their key slot is re-wrapped).',
    input: z.strictObject({ current: passphraseSchema, next: passphraseSchema }),
    output: z.object({ changedAt: z.string() }),
    permission: 'active',
    mutates: true,
  }),
};
