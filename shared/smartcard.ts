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

/**
 * Where a kind of card keeps its authentication certificate and where the certificate keeps the
 * holder's UUID. The NHS profile is the default; a Trust with other cards can describe its own.
 */
export const cardProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  /** The application (DF) holding the certificate, selected by AID. */
  aid: z
    .string()
    .regex(
      /^([0-9A-Fa-f]{2}){5,16}$/,
      'Give the AID as 5 to 16 bytes of hex, e.g. A000000063504B43532D3135.',
    ),
  /** The certificate's elementary file id, in hex. */
  certificateFile: z
    .string()
    .regex(/^[0-9A-Fa-f]{4}$/, 'Give the certificate file id as 4 hex digits, e.g. C000.'),
  /** Which relative distinguished name of the subject holds the UUID (1 = the first). */
  uuidRdn: z.number().int().min(1).max(20),
  /** Subject attributes that make up the holder's name, joined with a space. */
  nameAttributes: z.array(z.string().trim().min(1).max(20)).max(5),
  /** Issuers whose certificates are expected on these cards ("C=GB, O=nhs, OU=CA, CN=..."); any other is flagged. */
  trustedIssuers: z.array(z.string().trim().min(3).max(300)).min(1).max(20),
  /** Read through this PKCS#11 module (the card middleware) instead of over PC/SC; null for PC/SC. */
  pkcs11Module: z.string().trim().min(1).max(300).nullable().default(null),
});
export type CardProfile = z.infer<typeof cardProfileSchema>;

export const NHS_PROFILE: CardProfile = {
  name: 'NHS smartcard',
  aid: 'A000000063504B43532D3135',
  certificateFile: 'C000',
  uuidRdn: 3,
  nameAttributes: ['GN', 'SN'],
  trustedIssuers: ['C=GB, O=nhs, OU=CA, CN=NHS Authentication G2'],
  pkcs11Module: null,
};
