/** The catalogue of systems (CAT-1, CAT-2) as both sides see it. */
import { z } from 'zod';

export const PREREQUISITES = ['smartcard', 'esr06-form', 'confidentiality-declaration'] as const;
export type Prerequisite = (typeof PREREQUISITES)[number];
export const PREREQUISITE_LABELS: Record<Prerequisite, string> = {
  smartcard: 'Valid active smartcard',
  'esr06-form': 'ESR06 User Access Form',
  'confidentiality-declaration': 'ESR Confidentiality Declaration',
};

export const SEVERITIES = ['critical', 'high', 'moderate', 'standard'] as const;

/** REG-10: the share of an allocation in use at which Gatehouse warns (default 90%). */
export const LICENCE_WARNING_SHARE = 0.9;

export const INACTIVITY_DAYS = { min: 30, max: 90, default: 90 } as const;

export const systemRoleSchema = z.object({
  name: z.string().trim().min(1, 'Name each role.').max(80),
  prerequisites: z.array(z.enum(PREREQUISITES)),
});
export type SystemRole = z.infer<typeof systemRoleSchema>;

export const licenceAllocationSchema = z.object({
  organisation: z.string().trim().min(1).max(120),
  year: z.number().int().min(2000).max(2100),
  allocation: z.number().int().min(0),
});

export const availabilitySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('available') }),
  z.object({ status: z.literal('down'), since: z.string(), severity: z.enum(SEVERITIES), note: z.string() }),
]);

export const systemSchema = z.object({
  id: z.string(),
  name: z.string(),
  administratorTitle: z.string(),
  contactRoute: z.string(),
  description: z.string(),
  holdsPatientRecords: z.boolean(),
  deletionAllowed: z.boolean(),
  directCareOnly: z.boolean(),
  inactivityDays: z.number().int(),
  slaTargetDays: z.number().int(),
  slaInterimDays: z.number().int(),
  procedureLocation: z.string(),
  procedureReviewedOn: z.string().nullable(),
  roles: z.array(systemRoleSchema),
  licenceAllocations: z.array(licenceAllocationSchema),
  availability: availabilitySchema,
});
export type CatalogueSystem = z.infer<typeof systemSchema>;

/** What an administrator may change (CAT-1, CAT-2). Availability changes through downtime instead. */
export const systemChangesSchema = z
  .strictObject({
    administratorTitle: z.string().trim().min(1).max(200),
    contactRoute: z.string().trim().min(1).max(200),
    description: z.string().trim().max(1000),
    deletionAllowed: z.boolean(),
    directCareOnly: z.boolean(),
    inactivityDays: z
      .number()
      .int()
      .min(
        INACTIVITY_DAYS.min,
        `The inactivity period is between ${INACTIVITY_DAYS.min} and ${INACTIVITY_DAYS.max} days (SUS-2).`,
      )
      .max(
        INACTIVITY_DAYS.max,
        `The inactivity period is between ${INACTIVITY_DAYS.min} and ${INACTIVITY_DAYS.max} days (SUS-2).`,
      ),
    slaTargetDays: z.number().int().min(0).max(30),
    slaInterimDays: z.number().int().min(0).max(30),
    procedureLocation: z.string().trim().max(500),
    procedureReviewedOn: z.string().date('Use a date like 2026-11-22.').nullable(),
    roles: z.array(systemRoleSchema).min(1, 'A system offers at least one role (REG-3).'),
    licenceAllocations: z.array(licenceAllocationSchema),
  })
  .partial();
export type SystemChanges = z.infer<typeof systemChangesSchema>;
