/**
 * One line manager's list in an access review: the administrator records each answer the manager gave
 * (keep, remove, change role), since line managers do not use Gatehouse (issue 13 §3). Each account's
 * answer opens in a panel below the list (issue 12 §2); a refused answer is marked on its field. The
 * list stays open after each answer, with what happened shown at its top, because a manager's answers
 * are recorded one after another from the one reply.
 */
import { useState } from 'react';
import { deregistrationOutcome, OUTCOME_WORDS } from '../../../shared/access-changes';
import type { ReviewAnswer } from '../../../shared/access-reviews';
import { REVIEW_ESCALATED_TAG } from '../../../shared/status-tags';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { Tag } from '../../components/nhs/tag';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { useAdministers } from '../../state/session-store';
import { ANSWER_LABELS, ReviewAnswerPanel } from './review-answer-panel';

export function ReviewList({
  campaignId,
  managerId,
  managerName,
  progress,
  message,
  answered,
}: {
  campaignId: string;
  managerId: string | null;
  managerName: string;
  /** Changes when the campaign moved on (an answer, an escalation): the list is read again. */
  progress: string;
  /** What the last answer did, shown at the top of the list. */
  message: string | null;
  answered: (summary: string) => void;
}) {
  const [version, setVersion] = useState(0);
  const items = useQuery(
    () => api.reviews.items({ campaignId, managerId }),
    `${campaignId}:${managerId}:${version}:${progress}`,
  );
  const systems = useQuery(() => api.catalogue.list({}), 'catalogue');
  const [by, setBy] = useState(managerName === 'No line manager recorded' ? '' : managerName);
  const [on, setOn] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const administers = useAdministers();
  const { busy, run, fieldId, fieldError, summary } = useAction();
  const problems = summary(['answeredBy', 'answeredOn', 'newRole']);
  const item = (items.value ?? []).find((i) => i.id === opened && i.answer === null);
  // Remove de-registers: deleted, or flagged disabled where the system keeps records (DIS-2).
  const removal = (systemName: string) => {
    const system = systems.value?.find((s) => s.name === systemName);
    return system ? OUTCOME_WORDS[deregistrationOutcome('active', system.deletionAllowed)] : 'de-registered';
  };

  async function record(answer: ReviewAnswer, newRole: string): Promise<boolean> {
    if (!item) return false;
    const result = await run(() =>
      api.reviews.answer({
        itemId: item.id,
        answer,
        ...(answer === 'change-role' ? { newRole } : {}),
        answeredBy: by,
        answeredOn: on,
      }),
    );
    if (!result) return false;
    setOpened(null);
    setVersion((v) => v + 1);
    answered(result.summary);
    return true;
  }

  return (
    <section aria-labelledby={`list-${managerId ?? 'none'}`} className="action-form">
      <h3 id={`list-${managerId ?? 'none'}`}>{managerName}’s list</h3>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ErrorAlert message={items.error ?? problems.message} fieldErrors={problems.fieldErrors} />
      <Field
        label="Answered by (line manager)"
        id={fieldId('answeredBy')}
        error={fieldError('answeredBy')}
        value={by}
        onChange={(e) => setBy(e.target.value)}
      />
      <DateInput
        label="Answered on"
        id={fieldId('answeredOn')}
        error={fieldError('answeredOn')}
        value={on}
        onChange={setOn}
      />
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">Accounts for {managerName} to confirm</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Person
            </th>
            <th scope="col" className="nhsuk-table__header">
              System
            </th>
            <th scope="col" className="nhsuk-table__header">
              Role
            </th>
            <th scope="col" className="nhsuk-table__header">
              Escalated
            </th>
            <th scope="col" className="nhsuk-table__header">
              Answer
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {(items.value ?? []).map((row) => (
            <tr key={row.id} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">{row.personName}</td>
              <td className="nhsuk-table__cell">{row.systemName}</td>
              <td className="nhsuk-table__cell">{row.role}</td>
              <td className="nhsuk-table__cell">
                {row.escalatedTo ? (
                  <>
                    <Tag tag={REVIEW_ESCALATED_TAG} /> to {row.escalatedTo}
                  </>
                ) : null}
              </td>
              <td className="nhsuk-table__cell">
                {row.answer ? (
                  `${ANSWER_LABELS[row.answer]}${row.newRole ? `: ${row.newRole}` : ''} (${row.answeredBy})`
                ) : !administers(row.systemId) ? (
                  // Answers are recorded by an administrator of the account's system.
                  'Not answered'
                ) : (
                  <button type="button" className="link-button" onClick={() => setOpened(row.id)}>
                    Answer
                    <span className="nhsuk-u-visually-hidden">
                      {' '}
                      for {row.personName}, {row.systemName}
                    </span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {item ? (
        <ReviewAnswerPanel
          key={item.id}
          item={item}
          answeredBy={by}
          answeredOn={on}
          removal={removal(item.systemName)}
          busy={busy}
          newRoleError={fieldError('newRole')}
          newRoleId={fieldId('newRole')}
          record={record}
          cancel={() => setOpened(null)}
        />
      ) : null}
    </section>
  );
}
