/**
 * The one contract between the renderer and main: every channel (`domain:action`) with its input
 * and output schemas, the permission it needs and whether it mutates; and every event main sends.
 */
import { z } from 'zod';
import { sessionStateSchema } from './model';
import { accessChangeChannels } from './contract/access-changes';
import { profileChannels } from './contract/access-profiles';
import { reviewChannels } from './contract/access-reviews';
import { activityChannels } from './contract/activity';
import { auditChannels } from './contract/audit';
import { catalogueChannels } from './contract/catalogue';
import { dashboardChannels } from './contract/dashboard';
import { esrChannels } from './contract/esr';
import { inactivityChannels } from './contract/inactivity';
import { leaverChannels } from './contract/leavers';
import { downSystemSchema, downtimeChannels } from './contract/downtime';
import type { ChannelSpec } from './contract/define';
import { operatorChannels } from './contract/operators';
import { peopleChannels } from './contract/people';
import { registerImportChannels } from './contract/register-import';
import { reportChannels } from './contract/reports';
import { requestChannels } from './contract/requests';
import { sessionChannels } from './contract/session';
import { settingsChannels } from './contract/settings';
import { smartcardChannels } from './contract/smartcard';
import { storeChannels } from './contract/store';
import { syncChannels, syncStatusSchema } from './contract/sync';
import { smartcardStateSchema } from './smartcard';

export const contract = {
  ...sessionChannels,
  ...operatorChannels,
  ...auditChannels,
  ...settingsChannels,
  ...catalogueChannels,
  ...peopleChannels,
  ...registerImportChannels,
  ...requestChannels,
  ...accessChangeChannels,
  ...downtimeChannels,
  ...dashboardChannels,
  ...leaverChannels,
  ...activityChannels,
  ...reportChannels,
  ...esrChannels,
  ...inactivityChannels,
  ...smartcardChannels,
  ...storeChannels,
  ...profileChannels,
  ...reviewChannels,
  ...syncChannels,
} satisfies Record<`${string}:${string}`, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Events main pushes to the renderer. */
export const contractEvents = {
  'session:changed': sessionStateSchema,
  'downtime:changed': z.array(downSystemSchema),
  'smartcard:changed': smartcardStateSchema,
  'sync:changed': syncStatusSchema,
} satisfies Record<`${string}:${string}`, z.ZodType>;

export type ContractEvents = typeof contractEvents;
export type EventName = keyof ContractEvents;
export type EventPayload<E extends EventName> = z.output<ContractEvents[E]>;
export const EVENT_NAMES = Object.keys(contractEvents) as EventName[];
