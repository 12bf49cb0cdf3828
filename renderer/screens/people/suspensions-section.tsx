/** Suspensions in force for a person, with lifting (SUS-3; RRG-1 after inactivity). */
import { type FormEvent, useState } from 'react';
import { SUSPENSION_REASON_LABELS, type Suspension } from '../../../shared/access-changes';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';

function LiftForm({ suspension, done }: { suspension: Suspension; done: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState({ by: '', on: '' });
  const needsApproval = suspension.reason === 'inactivity';
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const lifted = await run(() =>
      api.suspensions.lift({
        suspensionId: suspension.id,
        reason,
        ...(needsApproval && approval.by ? { approval: { ...approval, role: 'line-manager' } } : {}),
      }),
    );
    if (lifted) done(`Suspension of the ${lifted.systemName} account lifted.`);
  }
  return (
    <form
      className="inline-form"
      aria-label={`Lift ${suspension.systemName} suspension`}
      onSubmit={submit}
      noValidate
    >
      <ErrorAlert message={error} />
      <Field label="Reason for lifting" value={reason} onChange={(e) => setReason(e.target.value)} />
      {needsApproval ? (
        <>
          <Field
            label="Re-registration approved by (line or senior manager)"
            hint="RRG-1"
            value={approval.by}
            onChange={(e) => setApproval({ ...approval, by: e.target.value })}
          />
          <DateInput
            label="Approved on"
            value={approval.on}
            onChange={(on) => setApproval({ ...approval, on })}
          />
        </>
      ) : null}
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Lift suspension
      </button>
    </form>
  );
}

export function SuspensionsSection({
  suspensions,
  canAct,
  done,
}: {
  suspensions: Suspension[];
  canAct: boolean;
  done: (message: string) => void;
}) {
  const [lifting, setLifting] = useState<string | null>(null);
  if (suspensions.length === 0) return null;
  return (
    <section aria-labelledby="suspensions-heading">
      <h2 id="suspensions-heading">Suspensions in force</h2>
      <ul className="task-list">
        {suspensions.map((s) => (
          <li key={s.id}>
            <span>
              {s.systemName}: {SUSPENSION_REASON_LABELS[s.reason]}
              {s.urgent ? ' (urgent)' : ''}, instructed by {s.instructedBy}, since {s.startsOn}, review{' '}
              {s.reviewOn}
            </span>
            {canAct && lifting !== s.id ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small"
                aria-label={`Lift ${s.systemName} suspension`}
                onClick={() => setLifting(s.id)}
              >
                Lift
              </button>
            ) : null}
            {lifting === s.id ? <LiftForm suspension={s} done={done} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
