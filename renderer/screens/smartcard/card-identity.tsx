/** What the card's certificate says, with the warnings an RA officer must act on made prominent. */
import type { CardIdentity } from '../../../shared/smartcard';

export function CardIdentityPanel({ identity }: { identity: CardIdentity }) {
  const warnings = [
    identity.expiry === 'expired'
      ? `The certificate expired on ${identity.validTo.slice(0, 10)}: the card must be renewed before it is used.`
      : null,
    identity.expiry && identity.expiry !== 'expired'
      ? `The certificate expires on ${identity.validTo.slice(0, 10)}, within ${identity.expiry} days: arrange its renewal.`
      : null,
    identity.issuerKnown
      ? null
      : `The certificate was issued by ${identity.issuer}, which is not an issuer of NHS smartcards. Do not accept this card; refer it to the RA manager.`,
    identity.uuid ? null : 'The certificate carries no UUID.',
  ].filter((w): w is string => w !== null);
  return (
    <>
      {warnings.length > 0 ? (
        <div className="error-summary" role="alert">
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="summary-list">
        <dt>UUID</dt>
        <dd>{identity.uuid ?? 'None'}</dd>
        <dt>Name on the certificate</dt>
        <dd>{identity.holderName ?? 'Not given'}</dd>
        <dt>Issuer</dt>
        <dd>{identity.issuer}</dd>
        <dt>Valid</dt>
        <dd>
          {identity.validFrom.slice(0, 10)} to {identity.validTo.slice(0, 10)}
        </dd>
      </dl>
    </>
  );
}
