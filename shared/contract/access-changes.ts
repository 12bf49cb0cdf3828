import { z } from 'zod';
import {
  accountOutcomeSchema,
  deregistrationInputSchema,
  leaverInputSchema,
  liftInputSchema,
  moverReviewInputSchema,
  suspensionInputSchema,
  suspensionSchema,
} from '../access-changes';
import { defineChannel } from './define';

const outcomes = z.array(accountOutcomeSchema);

export const accessChangeChannels = {
  'suspensions:list': defineChannel({
    summary: 'Suspensions in force, soonest review first.',
    input: z.strictObject({ personId: z.string().uuid().optional() }),
    output: z.array(suspensionSchema),
    permission: 'people:read',
    mutates: false,
  }),
  'suspensions:suspend': defineChannel({
    summary: 'Suspend an account temporarily (SUS-1, SUS-4).',
    input: suspensionInputSchema,
    output: suspensionSchema,
    permission: 'accounts:write',
    mutates: true,
  }),
  'suspensions:lift': defineChannel({
    summary: 'Lift a suspension (SUS-3); after inactivity it is a re-registration (RRG-1).',
    input: liftInputSchema,
    output: suspensionSchema,
    permission: 'accounts:write',
    mutates: true,
  }),
  'accounts:deregister': defineChannel({
    summary: 'De-register one account permanently (DIS-1, DIS-2).',
    input: deregistrationInputSchema,
    output: outcomes,
    permission: 'accounts:write',
    mutates: true,
  }),
  'people:deregisterLeaver': defineChannel({
    summary: 'De-register every live account of a leaver on every system (DIS-3, DIS-4).',
    input: leaverInputSchema,
    output: outcomes,
    permission: 'accounts:write',
    mutates: true,
  }),
  'people:reviewMove': defineChannel({
    summary: 'A mover’s access review: keep, change role or remove each account (CHG-1, CHG-2).',
    input: moverReviewInputSchema,
    output: outcomes,
    permission: 'accounts:write',
    mutates: true,
  }),
};
