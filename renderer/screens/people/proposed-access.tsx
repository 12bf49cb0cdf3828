/**
 * Access by position on a person's record (issue 13 §2): what their position's profiles propose and
 * why, the accounts they hold outside profile, raising the proposed requests, and recording the line
 * manager's one authorisation for every request still waiting for it (REG-2).
 */
import { type FormEvent, useState } from 'react';
import type { AccessRequest } from '../../../shared/requests';
import { api } from '../../api/bridge';
import {
  type Authorisation,
  AuthorisationFields,
  NO_AUTHORISATION,
} from '../../components/authorisation-fields';
import { Field } from '../../components/field';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { STATE_LABELS } from '../requests/request-labels';
import { count } from '../../../shared/plural';

function AuthoriseAll({ waiting, done }: { waiting: AccessRequest[]; done: (lines: string[]) => void }) {
  const [auth, setAuth] = useState<Authorisation>(NO_AUTHORISATION);
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() =>
      api.requests.authoriseAll({ ids: waiting.map((r) => r.id), authorisation: auth }),
    );
    if (result)
      done([
        `${auth.by}’s authorisation is recorded on ${count(result.requests.length, 'request')} (REG-2).`,
        ...result.warnings,
      ]);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="authorise-all-heading" className="action-form">
      <h3 id="authorise-all-heading">Record one authorisation for all</h3>
      <p>
        {waiting.length} {waiting.length === 1 ? 'request waits' : 'requests wait'} for the line manager’s
        authorisation: {waiting.map((r) => `${r.systemName} (${r.role ?? ''})`).join(', ')}.
      </p>
      <ErrorAlert message={error} />
      <AuthorisationFields value={auth} onChange={setAuth} byLabel="Authorised by (line manager)" />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Record authorisation for all {waiting.length}
      </button>
    </form>
  );
}

export function ProposedAccess({
  personId,
  version,
  done,
}: {
  personId: string;
  version: number;
  done: (lines: string[]) => void;
}) {
  const canRequest = useCan('requests:write');
  const view = useQuery(() => api.profiles.forPerson({ personId }), `${personId}:${version}`);
  const requests = useQuery(() => api.requests.list({ view: 'open', personId }), `${personId}:${version}`);
  const [reference, setReference] = useState('');
  const { busy, error, run } = useAction();
  const waiting = (requests.value ?? []).filter((r) => r.state === 'awaiting-authorisation');

  async function raise(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => api.profiles.raiseRequests({ personId, reference }));
    if (result)
      done([
        result.raised.length === 0
          ? 'No new requests: nothing proposed is missing.'
          : `${count(result.raised.length, 'request')} raised; each waits for the line manager’s authorisation (REG-2).`,
        ...result.refused.map((r) => `Not raised: ${r}`),
      ]);
  }

  // A Trust that keeps no access profiles sees nothing here: no account is "outside" a profile.
  if (!view.value || view.value.profiles === 0) return null;
  return (
    <section aria-labelledby="proposed-access-heading">
      <h2 id="proposed-access-heading">Access by position</h2>
      <ErrorAlert message={view.error ?? error} />
      {view.value && view.value.proposed.length === 0 ? (
        <p>No access profile matches this person’s position.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            Accounts their position’s access profiles propose
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                System
              </th>
              <th scope="col" className="nhsuk-table__header">
                Role
              </th>
              <th scope="col" className="nhsuk-table__header">
                Why
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {(view.value?.proposed ?? []).map((p) => (
              <tr className="nhsuk-table__row" key={p.systemId}>
                <td className="nhsuk-table__cell">{p.systemName}</td>
                <td className="nhsuk-table__cell">{p.role}</td>
                <td className="nhsuk-table__cell">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.value && view.value.outside.length > 0 ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            Outside profile: accounts no profile of their position explains
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                System
              </th>
              <th scope="col" className="nhsuk-table__header">
                Role
              </th>
              <th scope="col" className="nhsuk-table__header">
                Why
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {view.value.outside.map((o) => (
              <tr className="nhsuk-table__row" key={o.accountId}>
                <td className="nhsuk-table__cell">{o.systemName}</td>
                <td className="nhsuk-table__cell">{o.role}</td>
                <td className="nhsuk-table__cell">{o.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {(requests.value ?? []).length > 0 ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Open requests</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Reference
              </th>
              <th scope="col" className="nhsuk-table__header">
                System
              </th>
              <th scope="col" className="nhsuk-table__header">
                Role
              </th>
              <th scope="col" className="nhsuk-table__header">
                State
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {(requests.value ?? []).map((r) => (
              <tr className="nhsuk-table__row" key={r.id}>
                <td className="nhsuk-table__cell">
                  <a href={`#/requests/${r.id}`}>{r.reference}</a>
                </td>
                <td className="nhsuk-table__cell">{r.systemName}</td>
                <td className="nhsuk-table__cell">{r.role}</td>
                <td className="nhsuk-table__cell">{STATE_LABELS[r.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canRequest && view.value && view.value.proposed.length > 0 ? (
        <form onSubmit={raise} noValidate className="action-form" aria-labelledby="raise-heading">
          <h3 id="raise-heading">Raise the proposed requests</h3>
          <Field
            label="Service-desk reference"
            hint="One request per proposed account not yet held or asked for is recorded under it (REG-1)."
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
          <button type="submit" className="nhsuk-button" disabled={busy}>
            Raise the proposed requests
          </button>
        </form>
      ) : null}
      {canRequest && waiting.length > 0 ? (
        <AuthoriseAll key={waiting.map((r) => r.id).join()} waiting={waiting} done={done} />
      ) : null}
    </section>
  );
}
