/**
 * The holder's identity from the card's authentication certificate, parsed with Node's own X.509
 * support (OpenSSL): UUID and name by the card profile, issuer, validity, and the warnings an RA
 * officer acts on (expiry within 90, 60 or 30 days; expired; an issuer the profile does not trust).
 */
import { X509Certificate } from 'node:crypto';
import { type CardIdentity, expiryWarning } from '../../shared/smartcard';
import { CardReadError } from './apdu';
import type { CardProfile } from '../../shared/smartcard';

/** Node writes names one attribute a line ("C=GB\nO=nhs\n..."); as people read them: "C=GB, O=nhs". */
function rdns(name: string): [string, string][] {
  return name
    .split('\n')
    .filter(Boolean)
    .map((rdn) => {
      const at = rdn.indexOf('=');
      return [rdn.slice(0, at), rdn.slice(at + 1)];
    });
}

const written = (name: string) =>
  rdns(name)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

export function identityFromCertificate(der: Buffer, profile: CardProfile, today: string): CardIdentity {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch {
    throw new CardReadError(
      'What the card holds where its certificate should be is not a certificate. The card may be damaged: refer it to the RA manager.',
    );
  }
  const subject = rdns(certificate.subject);
  const validTo = new Date(certificate.validTo).toISOString();
  const name = profile.nameAttributes
    .map((attribute) => subject.find(([k]) => k === attribute)?.[1])
    .filter(Boolean)
    .join(' ');
  const uuid = subject[profile.uuidRdn - 1]?.[1] ?? null;
  const issuer = written(certificate.issuer);
  return {
    uuid: uuid && /^\d{12}$/.test(uuid) ? uuid : null,
    holderName: name || null,
    subject: written(certificate.subject),
    issuer,
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo,
    issuerKnown: profile.trustedIssuers.includes(issuer),
    expiry: expiryWarning(validTo, today),
  };
}
