/**
 * Every account a person holds, across all systems. Each row offers what may be done to it; the
 * chosen action opens in a panel below the table (one at a time), never squeezed into a column.
 * The username sits under the system's name: six columns of 19 px text do not fit the record's
 * part at 1024 px (issue 12 §2), and a username is read with its system.
 */
import { useState } from 'react';
import type { Account } from '../../../shared/register';
import { ACCOUNT_STATUS_TAGS } from '../../../shared/status-tags';
import { Tag } from '../../components/nhs/tag';
import { formatDateTime } from '../format';
import { useAdministers } from '../../state/session-store';
import { DeregisterForm, SuspendForm } from './account-actions';
import { PanelHeading } from '../../components/panel-heading';

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
  const opened = open ? accounts.find((a) => a.id === open.id) : undefined;
  return (
    <>
      <div className="table-scroll">
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Accounts held by {personName}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                System and username
              </th>
              <th scope="col" className="nhsuk-table__header">
                Role
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
                    {account.username ? <span className="table-cell-detail">{account.username}</span> : null}
                  </th>
                  <td className="nhsuk-table__cell">{account.role}</td>
                  <td className="nhsuk-table__cell">
                    <Tag tag={ACCOUNT_STATUS_TAGS[account.status]} />
                  </td>
                  <td className="nhsuk-table__cell">
                    {account.lastActivityAt ? formatDateTime(account.lastActivityAt) : 'Never'}
                  </td>
                  {canAct ? (
                    <td className="nhsuk-table__cell">
                      <div className="button-row">
                        {account.status === 'active' && administers(account.systemId) ? (
                          <button
                            type="button"
                            className="link-button"
                            aria-label={`Suspend ${account.systemName}`}
                            onClick={() => setOpen({ id: account.id, action: 'suspend' })}
                          >
                            Suspend
                          </button>
                        ) : null}
                        {live ? (
                          <button
                            type="button"
                            className="link-button"
                            aria-label={`De-register ${account.systemName}`}
                            onClick={() => setOpen({ id: account.id, action: 'deregister' })}
                          >
                            De-register
                          </button>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {open && opened ? (
        <div className="action-panel">
          <PanelHeading>
            {open.action === 'suspend'
              ? `Suspend ${personName}’s ${opened.systemName} account`
              : `De-register ${personName}’s ${opened.systemName} account`}
          </PanelHeading>
          {open.action === 'suspend' ? (
            <SuspendForm key={opened.id} account={opened} done={done} />
          ) : (
            <DeregisterForm key={opened.id} account={opened} personName={personName} done={done} />
          )}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setOpen(null)}
          >
            Cancel
          </button>
        </div>
      ) : null}
    </>
  );
}
