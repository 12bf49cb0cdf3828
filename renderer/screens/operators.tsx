/** Operator management: who can use Gatehouse, with which role; administrators add and revoke. */
import { useState } from 'react';
import type { Operator } from '../../shared/model';
import { ROLE_LABELS } from '../../shared/permissions';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { useQuery } from '../components/use-query';
import { useCan } from '../state/session-store';
import { OperatorCardActions } from './operator-card-actions';
import { AddOperatorForm } from './add-operator-form';
import { formatDateTime } from './format';
import { ScopeForm } from './scope-form';

function RevokeForm({ operator, onDone }: { operator: Operator; onDone: (message: string | null) => void }) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  return (
    <form
      className="inline-form"
      aria-label={`Revoke ${operator.name}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const revoked = await run(() => api.operators.revoke({ id: operator.id, reason }));
        if (revoked)
          onDone(`${revoked.name} can no longer sign in. Their past actions stay in the audit trail.`);
      }}
    >
      <ErrorAlert message={error} />
      <p>
        Revoke {operator.name}? They can no longer sign in to Gatehouse on any workstation, and their
        passphrase stops opening the store. Their past actions stay in the audit trail. This cannot be undone:
        to let them back, add them again.
      </p>
      <Field
        label={`Reason for revoking ${operator.name}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={busy}>
          Revoke {operator.name}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function OperatorsScreen({ currentOperatorId }: { currentOperatorId: string }) {
  const canManage = useCan('operators:manage');
  const query = useQuery(() => api.operators.list({}), 'operators');
  const catalogue = useQuery(() => api.catalogue.list({}), 'systems');
  const systemNames = new Map((catalogue.value ?? []).map((s) => [s.id, s.name]));
  const operators = query.value ?? [];
  const load = query.reload;
  const [revoking, setRevoking] = useState<string | null>(null);
  const [scoping, setScoping] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);

  return (
    <>
      <PageHeading>Operators</PageHeading>
      <p>
        Everyone who can use Gatehouse signs in individually (USE-1). Revoking removes their key; their
        history stays.
      </p>
      <ErrorAlert message={query.error} />
      {confirmation ? <StatusMessage>{confirmation}</StatusMessage> : null}
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">Operators</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Name
            </th>
            <th scope="col" className="nhsuk-table__header">
              Role
            </th>
            <th scope="col" className="nhsuk-table__header">
              Systems
            </th>
            <th scope="col" className="nhsuk-table__header">
              Status
            </th>
            <th scope="col" className="nhsuk-table__header">
              Last sign-in
            </th>
            <th scope="col" className="nhsuk-table__header">
              Smartcard
            </th>
            {canManage ? (
              <th scope="col" className="nhsuk-table__header">
                Actions
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {operators.map((operator) => (
            <tr key={operator.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {operator.name}
              </th>
              <td className="nhsuk-table__cell">{ROLE_LABELS[operator.role]}</td>
              <td className="nhsuk-table__cell">
                {operator.role !== 'administrator'
                  ? ''
                  : operator.systems.length === 0
                    ? 'All systems'
                    : operator.systems.map((id) => systemNames.get(id) ?? id).join(', ')}
              </td>
              <td className="nhsuk-table__cell">
                {operator.status === 'active' ? 'Active' : `Revoked ${formatDateTime(operator.revokedAt)}`}
              </td>
              <td className="nhsuk-table__cell">
                {operator.lastSignInAt ? formatDateTime(operator.lastSignInAt) : 'Never'}
              </td>
              <td className="nhsuk-table__cell">{operator.cardUuid ?? 'Passphrase only'}</td>
              {canManage ? (
                <td className="nhsuk-table__cell">
                  {operator.status === 'active' && operator.id !== currentOperatorId ? (
                    revoking === operator.id ? (
                      <RevokeForm
                        operator={operator}
                        onDone={(message) => {
                          setRevoking(null);
                          setConfirmation(message);
                          load();
                        }}
                      />
                    ) : (
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--small"
                        onClick={() => setRevoking(operator.id)}
                      >
                        Revoke<span className="nhsuk-u-visually-hidden"> {operator.name}</span>
                      </button>
                    )
                  ) : null}
                  {operator.status === 'active' &&
                  operator.role === 'administrator' &&
                  operator.id !== currentOperatorId ? (
                    scoping === operator.id ? (
                      <ScopeForm
                        operator={operator}
                        systems={catalogue.value ?? []}
                        onDone={(message) => {
                          setScoping(null);
                          setConfirmation(message);
                          load();
                        }}
                      />
                    ) : (
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                        aria-label={`Change systems of ${operator.name}`}
                        onClick={() => setScoping(operator.id)}
                      >
                        Change systems
                      </button>
                    )
                  ) : null}
                  {operator.status === 'active' ? (
                    <OperatorCardActions
                      operator={operator}
                      done={(message) => {
                        setConfirmation(message);
                        load();
                      }}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage ? (
        <AddOperatorForm
          onAdded={(operator) => {
            setConfirmation(`${operator.name} was added as ${ROLE_LABELS[operator.role].toLowerCase()}.`);
            load();
          }}
        />
      ) : null}
    </>
  );
}
