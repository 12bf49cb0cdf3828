/** Every account a person holds, across all systems, with the actions an administrator may take. */
import { useState } from 'react';
import type { Account } from '../../../shared/register';
import { ACCOUNT_STATUS_TAGS } from '../../../shared/status-tags';
import { Tag } from '../../components/nhs/tag';
import { formatDateTime } from '../format';
import { useAdministers } from '../../state/session-store';
import { DeregisterForm, SuspendForm } from './account-actions';

export function AccountsTable({
  personName,
  accounts,
  canAct,
  done,
}: {
  personName: string;
  accounts: Account[];
  canAct: boolean;
  done: (message: string) => void;
}) {
  const [open, setOpen] = useState<{ id: string; action: 'suspend' | 'deregister' } | null>(null);
  const administers = useAdministers();
  if (accounts.length === 0) return <p>No accounts on any system.</p>;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-u-visually-hidden">Accounts held by {personName}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            System
          </th>
          <th scope="col" className="nhsuk-table__header">
            Role
          </th>
          <th scope="col" className="nhsuk-table__header">
            Username
          </th>
          <th scope="col" className="nhsuk-table__header">
            Status
          </th>
          <th scope="col" className="nhsuk-table__header">
            Last activity
          </th>
          {canAct ? (
            <th scope="col" className="nhsuk-table__header">
              Actions
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {accounts.map((account) => {
          const live =
            ['pending', 'active', 'suspended'].includes(account.status) && administers(account.systemId);
          return (
            <tr key={account.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {account.systemName}
                {account.kind !== 'normal' ? ` (${account.kind})` : ''}
              </th>
              <td className="nhsuk-table__cell">{account.role}</td>
              <td className="nhsuk-table__cell">{account.username ?? ''}</td>
              <td className="nhsuk-table__cell">
                <Tag tag={ACCOUNT_STATUS_TAGS[account.status]} />
              </td>
              <td className="nhsuk-table__cell">
                {account.lastActivityAt ? formatDateTime(account.lastActivityAt) : 'Never'}
              </td>
              {canAct ? (
                <td className="nhsuk-table__cell">
                  {open?.id === account.id ? (
                    open.action === 'suspend' ? (
                      <SuspendForm account={account} done={done} />
                    ) : (
                      <DeregisterForm account={account} done={done} />
                    )
                  ) : (
                    <div className="button-row">
                      {account.status === 'active' && administers(account.systemId) ? (
                        <button
                          type="button"
                          className="nhsuk-button nhsuk-button--small"
                          aria-label={`Suspend ${account.systemName}`}
                          onClick={() => setOpen({ id: account.id, action: 'suspend' })}
                        >
                          Suspend
                        </button>
                      ) : null}
                      {live ? (
                        <button
                          type="button"
                          className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                          aria-label={`De-register ${account.systemName}`}
                          onClick={() => setOpen({ id: account.id, action: 'deregister' })}
                        >
                          De-register
                        </button>
                      ) : null}
                    </div>
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
