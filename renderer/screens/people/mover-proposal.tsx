/**
 * What the access profiles propose for a move (issue 13 §2): keep, add, change role or remove, each
 * with its reason. Only a proposal: the administrator and line manager decide (CHG-1, CHG-2).
 */
import { MOVER_ACTION_LABELS, type MoverItem } from '../../../shared/access-profiles';
import { api } from '../../api/bridge';
import { useQuery } from '../../components/use-query';

export function MoverProposal({
  personId,
  changes,
  use,
  addsRequestedOnRecord = false,
}: {
  personId: string;
  /** An ESR mover: recording the review requests the accounts to add (issue 13 §2). */
  addsRequestedOnRecord?: boolean;
  changes: { jobRole?: string; team?: string; directorate?: string };
  use: (items: MoverItem[]) => void;
}) {
  const items = useQuery(
    () => api.profiles.moverDifference({ personId, changes }),
    `${personId}:${JSON.stringify(changes)}`,
  );
  const list = items.value ?? [];
  if (list.length === 0) return null;
  const adds = list.filter((i) => i.action === 'add');
  return (
    <div>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">
          What the access profiles propose for the new position
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              System
            </th>
            <th scope="col" className="nhsuk-table__header">
              Proposal
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
          {list.map((i) => (
            <tr className="nhsuk-table__row" key={`${i.systemId}:${i.accountId ?? 'new'}`}>
              <td className="nhsuk-table__cell">{i.systemName}</td>
              <td className="nhsuk-table__cell">{MOVER_ACTION_LABELS[i.action]}</td>
              <td className="nhsuk-table__cell">
                {i.action === 'change-role'
                  ? `${i.currentRole} → ${i.proposedRole}`
                  : (i.proposedRole ?? i.currentRole)}
              </td>
              <td className="nhsuk-table__cell">{i.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {adds.length > 0 ? (
        <p className="hint">
          {addsRequestedOnRecord
            ? 'Accounts to add are requested when the review is recorded, each waiting for the line manager’s authorisation (REG-2).'
            : 'Accounts to add are requested after the move, from the person’s record (Raise the proposed requests).'}
        </p>
      ) : null}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => use(list)}>
        Start from the proposal
      </button>
    </div>
  );
}
