/** Every account a person holds, across all systems, with the actions an administrator may take. */
import { useState } from 'react';
import type { Account } from '../../../shared/register';
import { formatDateTime } from '../format';
import { useAdministers } from '../../state/session-store';
import { DeregisterForm, SuspendForm } from './account-actions';

const STATUS_LABELS = {
  pending: 'Pending set-up',
  active: 'Active',
  suspended: 'Suspended',
  disabled: 'Disabled',
  deleted: 'Deleted',
} as const;

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
    <table>
      <caption className="visually-hidden">Accounts held by {personName}</caption>
      <thead>
        <tr>
          <th scope="col">System</th>
          <th scope="col">Role</th>
          <th scope="col">Username</th>
          <th scope="col">Status</th>
          <th scope="col">Last activity</th>
          {canAct ? <th scope="col">Actions</th> : null}
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => {
          const live =
            ['pending', 'active', 'suspended'].includes(account.status) && administers(account.systemId);
          return (
            <tr key={account.id}>
              <th scope="row">
                {account.systemName}
                {account.kind !== 'normal' ? ` (${account.kind})` : ''}
              </th>
              <td>{account.role}</td>
              <td>{account.username ?? ''}</td>
              <td>{STATUS_LABELS[account.status]}</td>
              <td>{account.lastActivityAt ? formatDateTime(account.lastActivityAt) : 'Never'}</td>
              {canAct ? (
                <td>
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
                          className="button button--small"
                          aria-label={`Suspend ${account.systemName}`}
                          onClick={() => setOpen({ id: account.id, action: 'suspend' })}
                        >
                          Suspend
                        </button>
                      ) : null}
                      {live ? (
                        <button
                          type="button"
                          className="button button--small button--secondary"
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
