/**
 * The line manager's answer for one account in an access review, opened from its row (issue 12 §2:
 * one action at a time, below the table, never a form in a column). Remove de-registers the account
 * on the manager's instruction, so it first shows what will happen and asks (issue 12 §3). A refusal
 * from main is listed by the list's error summary, beside the Answered by and Answered on fields.
 */
import { type FormEvent, useId, useState } from 'react';
import { REVIEW_ANSWERS, type ReviewAnswer, type ReviewItem } from '../../../shared/access-reviews';
import { ErrorAlert } from '../../components/feedback';
import { Field } from '../../components/field';
import { CheckAnswers } from '../../components/nhs/check-answers';
import { PanelHeading } from '../../components/panel-heading';

export const ANSWER_LABELS: Record<ReviewAnswer, string> = {
  keep: 'Keep',
  remove: 'Remove',
  'change-role': 'Change role',
};

export function ReviewAnswerPanel({
  item,
  answeredBy,
  answeredOn,
  removal,
  busy,
  newRoleError,
  newRoleId,
  record,
  cancel,
}: {
  item: ReviewItem;
  answeredBy: string;
  answeredOn: string;
  /** What removing it does to the account ("deleted", "flagged disabled (cannot be deleted)"). */
  removal: string;
  busy: boolean;
  newRoleError: string | null;
  newRoleId: string;
  record: (answer: ReviewAnswer, newRole: string) => Promise<boolean>;
  cancel: () => void;
}) {
  const [answer, setAnswer] = useState<ReviewAnswer | null>(null);
  const [newRole, setNewRole] = useState('');
  const [unchosen, setUnchosen] = useState(false);
  const [checking, setChecking] = useState(false);
  const name = useId();
  const account = `${item.personName}’s ${item.systemName} account`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!answer) return setUnchosen(true);
    setUnchosen(false);
    if (answer === 'remove') return setChecking(true);
    await record(answer, newRole);
  }

  if (checking) {
    return (
      <div className="action-panel">
        <CheckAnswers
          heading={`Remove ${account}?`}
          answers={[
            { key: 'System and role', value: `${item.systemName}, ${item.role}` },
            { key: 'Answered by', value: answeredBy || 'Not given' },
            { key: 'Answered on', value: answeredOn || 'Not given' },
          ]}
          consequences={[
            `The ${item.systemName} account will be ${removal}, on ${answeredBy || 'the line manager'}’s instruction (DIS-1). This cannot be undone: access again needs a new request.`,
          ]}
          confirmLabel={`Remove ${account}`}
          removesAccess
          busy={busy}
          error={null}
          onConfirm={() => void record('remove', '').then((recorded) => recorded || setChecking(false))}
          onBack={() => setChecking(false)}
        />
      </div>
    );
  }
  return (
    <div className="action-panel">
      <PanelHeading>{`${account} (${item.role})`}</PanelHeading>
      <form aria-label={`Answer for ${item.personName}, ${item.systemName}`} onSubmit={submit} noValidate>
        <ErrorAlert
          message={null}
          fieldErrors={
            unchosen ? [{ fieldId: `${name}-keep`, message: 'Choose the line manager’s answer.' }] : []
          }
        />
        <div className={unchosen ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
          <fieldset className="nhsuk-fieldset" aria-describedby={unchosen ? `${name}-error` : undefined}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              What did the line manager answer?
            </legend>
            {unchosen ? (
              <span className="nhsuk-error-message" id={`${name}-error`}>
                <span className="nhsuk-u-visually-hidden">Error: </span>
                Choose the line manager’s answer.
              </span>
            ) : null}
            <div className="nhsuk-radios">
              {REVIEW_ANSWERS.map((option) => (
                <div className="nhsuk-radios__item" key={option}>
                  <input
                    className="nhsuk-radios__input"
                    type="radio"
                    id={`${name}-${option}`}
                    name={name}
                    checked={answer === option}
                    onChange={() => setAnswer(option)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${name}-${option}`}>
                    {ANSWER_LABELS[option]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        {answer === 'change-role' ? (
          <Field
            label={`New ${item.systemName} role`}
            id={newRoleId}
            error={newRoleError}
            value={newRole}
            onChange={(e) => setNewRole(e.target.value)}
          />
        ) : null}
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button" disabled={busy}>
            {answer === 'remove' ? 'Continue' : 'Record answer'}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
