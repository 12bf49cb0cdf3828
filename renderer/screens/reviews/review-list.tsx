/**
 * One line manager's list in an access review: the administrator records each answer the manager gave
 * (keep, remove, change role), since line managers do not use Gatehouse (issue 13 §3).
 */
import { useState } from 'react';
import { REVIEW_ANSWERS, type ReviewAnswer, type ReviewItem } from '../../../shared/access-reviews';
import { api } from '../../api/bridge';
import { REVIEW_ESCALATED_TAG } from '../../../shared/status-tags';
import { Field } from '../../components/field';
import { Tag } from '../../components/nhs/tag';
import { DateInput } from '../../components/nhs/date-input';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';

const ANSWER_LABELS: Record<ReviewAnswer, string> = {
  keep: 'Keep',
  remove: 'Remove',
  'change-role': 'Change role',
};

export function ReviewList({
  campaignId,
  managerId,
  managerName,
  done,
}: {
  campaignId: string;
  managerId: string | null;
  managerName: string;
  done: (message: string) => void;
}) {
  const [version, setVersion] = useState(0);
  const items = useQuery(
    () => api.reviews.items({ campaignId, managerId }),
    `${campaignId}:${managerId}:${version}`,
  );
  const [by, setBy] = useState(managerName === 'No line manager recorded' ? '' : managerName);
  const [on, setOn] = useState('');
  const [choice, setChoice] = useState<Record<string, { answer: ReviewAnswer; newRole: string }>>({});
  const { busy, error, run } = useAction();
  const choiceOf = (i: ReviewItem) => choice[i.id] ?? { answer: 'keep' as ReviewAnswer, newRole: '' };

  async function record(item: ReviewItem) {
    const c = choiceOf(item);
    const result = await run(() =>
      api.reviews.answer({
        itemId: item.id,
        answer: c.answer,
        ...(c.answer === 'change-role' ? { newRole: c.newRole } : {}),
        answeredBy: by,
        answeredOn: on,
      }),
    );
    if (result) {
      setVersion((v) => v + 1);
      done(result.summary);
    }
  }

  return (
    <section aria-labelledby={`list-${managerId ?? 'none'}`} className="action-form">
      <h3 id={`list-${managerId ?? 'none'}`}>{managerName}’s list</h3>
      <ErrorAlert message={error ?? items.error} />
      <Field label="Answered by (line manager)" value={by} onChange={(e) => setBy(e.target.value)} />
      <DateInput label="Answered on" value={on} onChange={setOn} />
      <table>
        <caption className="visually-hidden">Accounts for {managerName} to confirm</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">System</th>
            <th scope="col">Role</th>
            <th scope="col">Escalated</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {(items.value ?? []).map((item) => (
            <tr key={item.id}>
              <td>{item.personName}</td>
              <td>{item.systemName}</td>
              <td>{item.role}</td>
              <td>
                {item.escalatedTo ? (
                  <>
                    <Tag tag={REVIEW_ESCALATED_TAG} /> to {item.escalatedTo}
                  </>
                ) : null}
              </td>
              <td>
                {item.answer ? (
                  `${ANSWER_LABELS[item.answer]}${item.newRole ? `: ${item.newRole}` : ''} (${item.answeredBy})`
                ) : (
                  <>
                    <label htmlFor={`answer-${item.id}`}>
                      Answer for {item.personName}, {item.systemName}
                    </label>
                    <select
                      id={`answer-${item.id}`}
                      value={choiceOf(item).answer}
                      onChange={(e) =>
                        setChoice({
                          ...choice,
                          [item.id]: { ...choiceOf(item), answer: e.target.value as ReviewAnswer },
                        })
                      }
                    >
                      {REVIEW_ANSWERS.map((a) => (
                        <option key={a} value={a}>
                          {ANSWER_LABELS[a]}
                        </option>
                      ))}
                    </select>
                    {choiceOf(item).answer === 'change-role' ? (
                      <Field
                        label={`New ${item.systemName} role`}
                        value={choiceOf(item).newRole}
                        onChange={(e) =>
                          setChoice({ ...choice, [item.id]: { ...choiceOf(item), newRole: e.target.value } })
                        }
                      />
                    ) : null}
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--small"
                      disabled={busy}
                      onClick={() => void record(item)}
                    >
                      Record answer for {item.personName}, {item.systemName}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
