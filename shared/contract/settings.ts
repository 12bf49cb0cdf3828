import { z } from 'zod';
import { settingsSchema } from '../model';
import { defineChannel } from './define';

export const settingsChannels = {
  'settings:get': defineChannel({
    summary: 'Workstation settings held in the store.',
    input: z.strictObject({}),
    output: settingsSchema,
    permission: 'active',
    mutates: false,
  }),
  'settings:update': defineChannel({
    summary: 'Change workstation settings (administrators).',
    input: z
      .strictObject({
        idleLockMinutes: settingsSchema.shape.idleLockMinutes,
        trustName: settingsSchema.shape.trustName,
        lockOnCardRemoval: settingsSchema.shape.lockOnCardRemoval,
      })
      .partial()
      .refine((s) => Object.keys(s).length > 0, 'Change at least one setting.'),
    output: settingsSchema,
    permission: 'settings:manage',
    mutates: true,
  }),
};
