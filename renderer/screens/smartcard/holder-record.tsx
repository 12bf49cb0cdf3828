/**
 * The holder check's answer: the register record of the person whose UUID the card carries (name,
 * employment, every account, suspensions in force, ESR prerequisites), or, when no one holds it, the
 * offer to record the card against a person.
 */
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { PersonSummary } from '../../../shared/register';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { useCan } from '../../state/session-store';
import { PersonPicker } from '../requests/person-picker';

type Holder = ChannelOutput<'smartcard:holder'>;

const STATUS = {
  pending: 'Pending set-up',
  active: 'Active',
  suspended: 'Suspended',
  disabled: 'Disabled',
  deleted: 'Deleted',
};

function LinkCard({ reader, uuid, linked }: { reader: string; uuid: string; linked: () => void }) {
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const { busy, error, run } = useAction();
  async function link() {
    if (!person) return;
    const result = await run(() => api.smartcard.link({ reader, personId: person.id }));
    if (result) linked();
  }
  return (
    <section aria-labelledby="link-heading" className="action-form">
      <h3 id="link-heading">Link this card to a person</h3>
      <ErrorAlert message={error} />
      <PersonPicker chosen={person} onChoose={setPerson} label="Card holder" />
      <button type="button" className="nhsuk-button" disabled={busy || !person} onClick={() => void link()}>
        Link smartcard {uuid}
        {person ? ` to ${person.name}` : ''}
      </button>
    </section>
  );
}

export function HolderRecord({
  reader,
  holder,
  relink,
}: {
  reader: string;
  holder: Holder;
  relink: () => void;
}) {
  const canLink = useCan('people:write');
  const [linkedMessage, setLinkedMessage] = useState<string | null>(null);
  const { person, identity } = holder;
  if (!person) {
    return (
      <section aria-label="Card holder" className="nhsuk-card nhsuk-card__content">
        <h2>No one in the register holds this card</h2>
        <p>Smartcard {identity.uuid ?? '(no UUID)'} is not recorded against anyone.</p>
        {canLink && identity.uuid ? (
          <LinkCard
            reader={reader}
            uuid={identity.uuid}
            linked={() => {
              setLinkedMessage(`Smartcard ${identity.uuid} is linked.`);
              relink();
            }}
          />
        ) : null}
        {linkedMessage ? <StatusMessage>{linkedMessage}</StatusMessage> : null}
      </section>
    );
  }
  const live = person.accounts.filter((a) => a.status !== 'deleted');
  return (
    <section aria-label="Card holder" className="nhsuk-card nhsuk-card__content">
      <h2>{person.name}</h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Smartcard UUID</dt>
          <dd className="nhsuk-summary-list__value">{person.smartcardUuid}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Employment</dt>
          <dd className="nhsuk-summary-list__value">
            {person.status === 'leaver'
              ? `Left the Trust on ${person.leftOn}`
              : `Active (${person.employmentType.replace('-', ' ')})`}
            {person.jobRole ? `, ${person.jobRole}` : ''}
            {person.team ? `, ${person.team}` : ''}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Smartcard</dt>
          <dd className="nhsuk-summary-list__value">
            {identity.expiry === 'expired'
              ? 'Certificate expired'
              : identity.issuerKnown
                ? 'Valid'
                : 'Issuer not recognised'}
          </dd>
        </div>
      </dl>
      {person.status === 'leaver' ? (
        <div className="nhsuk-error-summary" role="alert">
          <p>This person has left the Trust: their smartcard should be suspended (DIS-4).</p>
        </div>
      ) : null}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Accounts</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              System
            </th>
            <th scope="col" className="nhsuk-table__header">
              Role
            </th>
            <th scope="col" className="nhsuk-table__header">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {live.map((a) => (
            <tr key={a.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {a.systemName}
              </th>
              <td className="nhsuk-table__cell">{a.role}</td>
              <td className="nhsuk-table__cell">{STATUS[a.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Suspensions in force</h3>
      {holder.suspensions.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {holder.suspensions.map((s) => (
            <li key={s.id}>
              {s.systemName}: since {s.startsOn}, review {s.reviewOn}
            </li>
          ))}
        </ul>
      )}
      <h3>ESR prerequisites (REG-8)</h3>
      <ul>
        {holder.esrPrerequisites.map((p) => (
          <li key={p.prerequisite}>
            {p.label}: {p.met ? 'met' : 'not met'}
          </li>
        ))}
      </ul>
      <p>
        <a href={`#/people/${encodeURIComponent(person.id)}`}>Open {person.name}’s full record</a>
      </p>
    </section>
  );
}
