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
        <div className="nhsuk-error-summary" role="alert">
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">UUID</dt>
          <dd className="nhsuk-summary-list__value">{identity.uuid ?? 'None'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Name on the certificate</dt>
          <dd className="nhsuk-summary-list__value">{identity.holderName ?? 'Not given'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Issuer</dt>
          <dd className="nhsuk-summary-list__value">{identity.issuer}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Valid</dt>
          <dd className="nhsuk-summary-list__value">
            {identity.validFrom.slice(0, 10)} to {identity.validTo.slice(0, 10)}
          </dd>
        </div>
      </dl>
    </>
  );
}
