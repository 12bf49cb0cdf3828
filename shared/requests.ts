/** Access requests (REG-1, REG-12) and the set-up tasks they lead to (REG-6). */
import { z } from 'zod';
import { PREREQUISITES } from './catalogue';
import { ACCOUNT_KINDS } from './register';

export const REQUEST_TYPES = ['new-user', 'amendment', 'deletion', 'reactivation'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  'new-user': 'New user',
  amendment: 'Amendment',
  deletion: 'Deletion',
  reactivation: 'Reactivation',
};

export const REQUEST_STATES = [
  'awaiting-authorisation',
  'referred',
  'awaiting-prerequisites',
  'ready',
  'completed',
  'rejected',
  'withdrawn',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const OPEN_STATES: readonly RequestState[] = [
  'awaiting-authorisation',
  'referred',
  'awaiting-prerequisites',
  'ready',
];

export const PURPOSE_KINDS = ['direct-care', 'administration', 'secondary-use'] as const;
export const AUTHORISATION_ROUTES = ['email', 'form', 'portal'] as const;
export const ROUTE_LABELS: Record<(typeof AUTHORISATION_ROUTES)[number], string> = {
  email: 'Email',
  form: 'Form',
  portal: 'Portal',
};

export const authorisationSchema = z.strictObject({
  by: z.string().trim().min(1, 'Name the line manager who authorised it.').max(120),
  on: z.string().date('Use a date like 2026-11-23.'),
  how: z.enum(AUTHORISATION_ROUTES),
});
export type Authorisation = z.infer<typeof authorisationSchema>;

export const requestInputSchema = z.strictObject({
  type: z.enum(REQUEST_TYPES),
  reference: z.string().trim().min(1, 'Give the service-desk reference (REG-1).').max(40),
  personId: z.string().uuid(),
  systemId: z.string().min(1).max(60),
  role: z.string().trim().max(80).optional(),
  accountKind: z.enum(ACCOUNT_KINDS).default('normal'),
  purpose: z.string().trim().min(3, 'Say what the access is for (REG-1).').max(500),
  purposeKind: z.enum(PURPOSE_KINDS),
  authorisation: authorisationSchema.optional(),
  prerequisitesMet: z.array(z.enum(PREREQUISITES)).default([]),
  genericIgReference: z.string().trim().max(60).optional(),
  genericEndDate: z.string().date().optional(),
  licenceOverrideReason: z.string().trim().max(500).optional(),
  receivedAt: z.string().datetime({ offset: true }).optional(),
});
export type RequestInput = z.input<typeof requestInputSchema>;
export type RequestCreateInput = z.output<typeof requestInputSchema>;

export const slaSchema = z.object({
  startedOn: z.string().nullable(),
  targetDue: z.string().nullable(),
  interimDue: z.string().nullable(),
  target: z.enum(['not-started', 'on-time', 'at-risk', 'breached', 'met', 'missed']),
  interim: z.enum(['not-started', 'on-time', 'at-risk', 'breached', 'met', 'missed']),
});

export const accessRequestSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: z.enum(REQUEST_TYPES),
  personId: z.string(),
  personName: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  role: z.string().nullable(),
  accountKind: z.enum(ACCOUNT_KINDS),
  purpose: z.string(),
  purposeKind: z.enum(PURPOSE_KINDS),
  authorisation: authorisationSchema.nullable(),
  prerequisitesMet: z.array(z.enum(PREREQUISITES)),
  state: z.enum(REQUEST_STATES),
  stateNote: z.string().nullable(),
  receivedAt: z.string(),
  completedAt: z.string().nullable(),
  blockers: z.array(z.string()),
  sla: slaSchema,
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;

export const taskDetailsSchema = z.strictObject({
  username: z.string().trim().min(1, 'Record the username created.').max(80),
  trainingArranged: z.boolean(),
  loginDetailsIssued: z.boolean(),
  firstLoginChangeSet: z.boolean(),
  note: z.string().trim().max(500).optional(),
});

export const taskSchema = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  personId: z.string(),
  personName: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  action: z.string(),
  description: z.string(),
  state: z.enum(['open', 'done']),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type Task = z.infer<typeof taskSchema>;
