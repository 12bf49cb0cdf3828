/**
 * One place that says how each status reads and which design-system tag colour shows it: account
 * statuses (register.ts) and SLA standings (requests.ts). Screens draw a tag from here; nothing
 * else names a status or picks its colour.
 */
import type { AccountStatus } from './register';
import type { AccessRequest } from './requests';

/** nhsuk-frontend 10 tag modifiers (nhsuk-tag--<colour>); 'blue' is the plain tag. */
export type TagColour = 'blue' | 'green' | 'grey' | 'red' | 'orange' | 'yellow' | 'white' | 'purple';

export interface StatusTag {
  label: string;
  colour: TagColour;
}

export const ACCOUNT_STATUS_TAGS: Record<AccountStatus, StatusTag> = {
  pending: { label: 'Pending set-up', colour: 'blue' },
  active: { label: 'Active', colour: 'green' },
  suspended: { label: 'Suspended', colour: 'orange' },
  disabled: { label: 'Disabled', colour: 'grey' },
  deleted: { label: 'Deleted', colour: 'white' },
};

/** An access review item unanswered past the due date and sent up to the senior manager (issue 13 §3). */
export const REVIEW_ESCALATED_TAG: StatusTag = { label: 'Escalated', colour: 'orange' };

export type SlaStanding = AccessRequest['sla']['target'];

export const SLA_TAGS: Record<SlaStanding, StatusTag> = {
  'not-started': { label: 'Not started', colour: 'grey' },
  'on-time': { label: 'On time', colour: 'green' },
  'at-risk': { label: 'At risk', colour: 'yellow' },
  breached: { label: 'Breached', colour: 'red' },
  met: { label: 'Met', colour: 'green' },
  missed: { label: 'Missed', colour: 'red' },
};

/** Most urgent first: what a work queue sorts by. */
export const SLA_URGENCY: Record<SlaStanding, number> = {
  breached: 0,
  'at-risk': 1,
  'on-time': 2,
  'not-started': 3,
  missed: 4,
  met: 5,
};
