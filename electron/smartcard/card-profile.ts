/**
 * Where a kind of card keeps its authentication certificate and where the certificate keeps the
 * holder's UUID. The NHS profile is the default; a Trust with other middleware can describe its own.
 */
export interface CardProfile {
  name: string;
  /** The application (DF) holding the certificate, selected by AID. */
  aid: string;
  /** The certificate's elementary file id, in hex. */
  certificateFile: string;
  /** Which relative distinguished name of the subject holds the UUID (1 = the first). */
  uuidRdn: number;
  /** Subject attributes that make up the holder's name, joined with a space. */
  nameAttributes: string[];
  /** Issuers whose certificates are expected on these cards; any other is flagged. */
  trustedIssuers: string[];
}

export const NHS_PROFILE: CardProfile = {
  name: 'NHS smartcard',
  aid: 'A000000063504B43532D3135',
  certificateFile: 'C000',
  uuidRdn: 3,
  nameAttributes: ['GN', 'SN'],
  trustedIssuers: ['C=GB, O=nhs, OU=CA, CN=NHS Authentication G2'],
};
