/**
 * The register: people and their accounts on catalogue systems. It holds only what the policy
 * needs: no date of birth, no National Insurance number.
 */
import { z } from 'zod';
import { personNameSchema } from './model';

export const EMPLOYMENT_TYPES = ['permanent', 'fixed-term', 'bank', 'agency', 'temporary'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYMENT_LABELS: Record<EmploymentType, string> = {
  permanent: 'Permanent',
  'fixed-term': 'Fixed term',
  bank: 'Bank',
  agency: 'Agency',
  temporary: 'Temporary',
};
/** REG-11: temporary staff need a finishing date. Fixed-term and agency contracts end too. */
export const NEEDS_FINISHING_DATE: readonly EmploymentType[] = ['temporary', 'fixed-term', 'agency'];

export const ACCOUNT_KINDS = ['normal', 'admin', 'generic'] as const;
export const ACCOUNT_STATUSES = ['pending', 'active', 'suspended', 'disabled', 'deleted'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const personInputSchema = z.strictObject({
  employeeNumber: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9-]{1,20}$/,
      'Use the employee or assignment number as it appears in ESR (letters, digits and hyphens).',
    )
    .optional(),
  name: personNameSchema,
  jobRole: optionalText(120),
  team: optionalText(120),
  directorate: optionalText(120),
  organisation: optionalText(120),
  lineManagerId: z.string().uuid().optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  finishingDate: z.string().date('Use a date like 2027-03-31.').optional(),
  smartcardUuid: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'A smartcard UUID is the 12-digit number printed on the card.')
    .optional(),
  email: z.string().trim().email('Enter an email address like name@nhs.net.').optional(),
  digitalStaff: z.boolean().default(false),
});
export type PersonInput = z.input<typeof personInputSchema>;

export const personSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  employeeNumber: z.string().nullable(),
  jobRole: z.string().nullable(),
  team: z.string().nullable(),
  smartcardUuid: z.string().nullable(),
  status: z.enum(['active', 'leaver']),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const accountSchema = z.object({
  id: z.string(),
  personId: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  role: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  username: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  createdAt: z.string(),
  lastActivityAt: z.string().nullable(),
  genericIgReference: z.string().nullable(),
  genericEndDate: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const personSchema = personSummarySchema.extend({
  directorate: z.string().nullable(),
  organisation: z.string().nullable(),
  lineManager: z.object({ id: z.string(), name: z.string() }).nullable(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  finishingDate: z.string().nullable(),
  email: z.string().nullable(),
  digitalStaff: z.boolean(),
  leftOn: z.string().nullable(),
  accounts: z.array(accountSchema),
});
export type Person = z.infer<typeof personSchema>;
