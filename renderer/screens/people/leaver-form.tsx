/**
 * De-register a leaver: every live account on every system in one action (DIS-3), smartcard too
 * (DIS-4). The operator gives the leaving date and who said so, then checks each account and what
 * will happen to it before anything changes (issue 12 §3).
 */
import { type FormEvent, useState } from 'react';
import { type AccountOutcome, OUTCOME_WORDS } from '../../../shared/access-changes';
import type { Person } from '../../../shared/register';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { SelectField } from '../../components/select-field';
import { ErrorAlert } from '../../components/feedback';
import { CheckAnswers } from '../../components/nhs/check-answers';
import { PanelHeading } from '../../components/panel-heading';
import { useAction } from '../../components/use-action';
import { useDeregistrationOutcomes } from './use-deregistration-outcomes';

export function describeOutcomes(outcomes: AccountOutcome[]): string[] {
  return outcomes.map((o) => `${o.systemName} (${o.role}): ${OUTCOME_WORDS[o.outcome]}`);
}

const SOURCES = [
  ['line-manager', 'The line manager'],
  ['person', 'The person'],
  ['hr-leavers-report', 'The HR leavers report'],
] as const;
type Source = (typeof SOURCES)[number][0];

export function LeaverForm({ person, done }: { person: Person; done: (lines: string[]) => void }) {
  const [leftOn, setLeftOn] = useState('');
  const [source, setSource] = useState<Source>('line-manager');
  const [instructedBy, setInstructedBy] = useState('');
  const [checking, setChecking] = useState(false);
  const { busy, error, run, fieldId, fieldError, summary } = useAction();
  const [missing, setMissing] = useState<{ path: string; message: string }[]>([]);
  const outcomeOf = useDeregistrationOutcomes();
  const live = person.accounts.filter((a) => ['pending', 'active', 'suspended'].includes(a.status));

  function check(event: FormEvent) {
    event.preventDefault();
    const problems = [
      ...(leftOn === '' ? [{ path: 'leftOn', message: 'Enter the date they left.' }] : []),
      ...(instructedBy.trim() === ''
        ? [{ path: 'instructedBy', message: 'Enter who told you they left.' }]
        : []),
    ];
    setMissing(problems);
    if (problems.length === 0) setChecking(true);
  }
  async function confirm() {
    const outcomes = await run(() =>
      api.people.deregisterLeaver({ personId: person.id, leftOn, source, instructedBy }),
    );
    if (outcomes) done(outcomes.length ? describeOutcomes(outcomes) : ['No live accounts to de-register.']);
    else setChecking(false);
  }

  if (checking) {
    return (
      <CheckAnswers
        heading={`De-register ${person.name} as a leaver?`}
        answers={[
          { key: 'Leaving date', value: leftOn },
          { key: 'Learned from', value: SOURCES.find(([s]) => s === source)![1] },
          { key: 'Instructed by', value: instructedBy },
        ]}
        consequences={[
          ...live.map(
            (a) => `${a.systemName} (${a.role}${a.username ? `, ${a.username}` : ''}): ${outcomeOf(a)}`,
          ),
          ...(live.length === 0 ? ['No live accounts: only the leaving date is recorded.'] : []),
          'Open requests for them are withdrawn.',
          ...(person.smartcardUuid
            ? [`Their smartcard (${person.smartcardUuid}) is to be suspended (DIS-4).`]
            : []),
        ]}
        confirmLabel="De-register leaver"
        removesAccess
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onBack={() => setChecking(false)}
      />
    );
  }
  const shown = summary(['leftOn', 'instructedBy']);
  const errorFor = (path: string) => missing.find((m) => m.path === path)?.message ?? fieldError(path);
  return (
    <section aria-label="De-register as a leaver" className="action-panel">
      <PanelHeading>{`De-register ${person.name} as a leaver`}</PanelHeading>
      <p>
        Every live account on every system is taken out of use at once, and the smartcard suspension is
        raised. You will see each account and what happens to it before anything changes.
      </p>
      <ErrorAlert
        message={shown.message}
        fieldErrors={[
          ...missing.map((m) => ({ fieldId: fieldId(m.path), message: m.message })),
          ...shown.fieldErrors,
        ]}
      />
      <form onSubmit={check} noValidate>
        <DateInput
          label="Leaving date"
          id={fieldId('leftOn')}
          error={errorFor('leftOn')}
          value={leftOn}
          onChange={setLeftOn}
        />
        <SelectField label="Learned from" value={source} options={SOURCES} onChange={setSource} />
        <Field
          label="Instructed by"
          id={fieldId('instructedBy')}
          error={errorFor('instructedBy')}
          value={instructedBy}
          onChange={(e) => setInstructedBy(e.target.value)}
        />
        <div className="nhsuk-button-group">
          <button type="submit" className="nhsuk-button">
            Continue
          </button>
          <a href={`#/people/${encodeURIComponent(person.id)}`}>Cancel</a>
        </div>
      </form>
    </section>
  );
}
