/** De-register a leaver: every live account on every system in one action (DIS-3), smartcard too (DIS-4). */
import { type FormEvent, useState } from 'react';
import type { AccountOutcome } from '../../../shared/access-changes';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';

const OUTCOME_WORDS: Record<AccountOutcome['outcome'], string> = {
  disabled: 'flagged disabled (cannot be deleted)',
  deleted: 'deleted',
  cancelled: 'set-up cancelled',
  kept: 'kept',
  'role-change-raised': 'role change raised',
};

export function describeOutcomes(outcomes: AccountOutcome[]): string[] {
  return outcomes.map((o) => `${o.systemName} (${o.role}): ${OUTCOME_WORDS[o.outcome]}`);
}

export function LeaverForm({ personId, done }: { personId: string; done: (lines: string[]) => void }) {
  const [leftOn, setLeftOn] = useState('');
  const [source, setSource] = useState<'person' | 'line-manager' | 'hr-leavers-report'>('line-manager');
  const [instructedBy, setInstructedBy] = useState('');
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcomes = await run(() => api.people.deregisterLeaver({ personId, leftOn, source, instructedBy }));
    if (outcomes) done(outcomes.length ? describeOutcomes(outcomes) : ['No live accounts to de-register.']);
  }
  return (
    <section aria-labelledby="leaver-heading" className="action-form">
      <h3 id="leaver-heading">De-register as a leaver</h3>
      <p>
        Every live account on every system is taken out of use at once, and the smartcard suspension is
        raised.
      </p>
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        <Field label="Leaving date" type="date" value={leftOn} onChange={(e) => setLeftOn(e.target.value)} />
        <SelectField
          label="Learned from"
          value={source}
          options={
            [
              ['line-manager', 'The line manager'],
              ['person', 'The person'],
              ['hr-leavers-report', 'The HR leavers report'],
            ] as const
          }
          onChange={setSource}
        />
        <Field label="Instructed by" value={instructedBy} onChange={(e) => setInstructedBy(e.target.value)} />
        <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={busy}>
          De-register leaver
        </button>
      </form>
    </section>
  );
}
