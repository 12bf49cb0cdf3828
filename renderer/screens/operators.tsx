/**
 * Operator management: who can use Gatehouse, with which role; administrators add and revoke. Each
 * row offers what may be done to that operator; the chosen action opens in a panel below the table.
 */
import { useState } from 'react';
import { ROLE_LABELS } from '../../shared/permissions';
import { api } from '../api/bridge';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useQuery } from '../components/use-query';
import { useCan } from '../state/session-store';
import { OperatorCardActions } from './operator-card-actions';
import { AddOperatorForm } from './add-operator-form';
import { formatDateTime } from './format';
import { type OperatorAction, OperatorActionPanel } from './operator-action-panel';

export function OperatorsScreen({ currentOperatorId }: { currentOperatorId: string }) {
  const canManage = useCan('operators:manage');
  const query = useQuery(() => api.operators.list({}), 'operators');
  const catalogue = useQuery(() => api.catalogue.list({}), 'systems');
  const systemNames = new Map((catalogue.value ?? []).map((s) => [s.id, s.name]));
  const operators = query.value ?? [];
  const load = query.reload;
  const [open, setOpen] = useState<{ id: string; action: OperatorAction } | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const opened = open ? operators.find((o) => o.id === open.id && o.status === 'active') : undefined;
  // One message at a time: a new result replaces the last, whichever it was.
  const done = (message: string) => {
    setOpen(null);
    setRefusal(null);
    setConfirmation(message);
    load();
  };
  const failed = (message: string | null) => {
    setConfirmation(null);
    setRefusal(message);
  };
  const choose = (id: string, action: OperatorAction) => {
    setConfirmation(null);
    setRefusal(null);
    setOpen({ id, action });
  };

  return (
    <>
      <PageHeading>Operators</PageHeading>
      <p>
        Everyone who can use Gatehouse signs in individually (USE-1). Revoking removes their key; their
        history stays.
      </p>
      <ErrorAlert message={query.error ?? refusal} />
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
              <td className="nhsuk-table__cell">
                {ROLE_LABELS[operator.role]}
                {operator.role === 'administrator' ? (
                  <span className="table-cell-detail">
                    {operator.systems.length === 0
                      ? 'All systems'
                      : operator.systems.map((id) => systemNames.get(id) ?? id).join(', ')}
                  </span>
                ) : null}
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
                  {operator.status === 'active' ? (
                    <div className="action-links">
                      {operator.id !== currentOperatorId ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => choose(operator.id, 'revoke')}
                        >
                          Revoke<span className="nhsuk-u-visually-hidden"> {operator.name}</span>
                        </button>
                      ) : null}
                      {operator.role === 'administrator' && operator.id !== currentOperatorId ? (
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`Change systems of ${operator.name}`}
                          onClick={() => choose(operator.id, 'systems')}
                        >
                          Change systems
                        </button>
                      ) : null}
                      <OperatorCardActions
                        operator={operator}
                        done={done}
                        failed={failed}
                        unlink={() => choose(operator.id, 'unlink-card')}
                      />
                    </div>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && open && opened ? (
        <OperatorActionPanel
          operator={opened}
          action={open.action}
          systems={catalogue.value ?? []}
          done={done}
          cancel={() => setOpen(null)}
        />
      ) : null}
      {canManage ? (
        <AddOperatorForm
          onAdded={(operator) =>
            done(`${operator.name} was added as ${ROLE_LABELS[operator.role].toLowerCase()}.`)
          }
        />
      ) : null}
    </>
  );
}
