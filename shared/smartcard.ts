/**
 * Smartcards as Gatehouse sees them: the readers, the card in each, and the identity read from the
 * card's authentication certificate; and the warnings an RA officer acts on.
 */
import { z } from 'zod';

/** What the reader service is doing, in words a person can act on when it is not "ready". */
export const SERVICE_STATES = ['starting', 'ready', 'no-service', 'no-reader'] as const;

export const identitySchema = z.object({
  uuid: z.string().nullable(),
  holderName: z.string().nullable(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  issuerKnown: z.boolean(),
  /** "expired", or the 90/60/30-day warning it has reached, or null. */
  expiry: z.enum(['expired', '30', '60', '90']).nullable(),
});
export type CardIdentity = z.infer<typeof identitySchema>;

export const readerSchema = z.object({
  name: z.string(),
  card: z
    .object({
      atr: z.string(),
      cardType: z.string().nullable(),
      state: z.enum(['reading', 'read', 'failed']),
      identity: identitySchema.nullable(),
      problem: z.string().nullable(),
    })
    .nullable(),
});
export type ReaderView = z.infer<typeof readerSchema>;

export const smartcardStateSchema = z.object({
  service: z.enum(SERVICE_STATES),
  message: z.string(),
  readers: z.array(readerSchema),
});
export type SmartcardState = z.infer<typeof smartcardStateSchema>;

export const EXPIRY_WARNING_DAYS = [30, 60, 90] as const;

/** The warning a certificate valid until `validTo` has reached on `today` (both ISO dates). */
export function expiryWarning(validTo: string, today: string): CardIdentity['expiry'] {
  const days = Math.floor((Date.parse(validTo.slice(0, 10)) - Date.parse(today)) / 86_400_000);
  if (days < 0) return 'expired';
  const reached = EXPIRY_WARNING_DAYS.find((d) => days <= d);
  return reached === undefined ? null : (String(reached) as '30' | '60' | '90');
}
