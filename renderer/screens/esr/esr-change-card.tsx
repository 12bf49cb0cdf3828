/**
 * One ESR change: what the register holds beside what ESR asks for, and the decision. A starter or
 * leaver is accepted in one step; a mover is accepted by recording the access review (CHG-1, CHG-2).
 */
import { useState } from 'react';
import type { EsrChange } from '../../../shared/contract/esr';
import type { Person } from '../../../shared/register';
import { api } from '../../api/bridge';
import { ConfirmButton } from '../../components/nhs/confirm-button';
import { ErrorAlert } from '../../components/feedback';
import { ReasonForm } from '../../components/reason-form';
import { useAction } from '../../components/use-action';
import { MoverReviewForm } from '../people/mover-review-form';
import { count } from '../../../shared/plural';
import { currentViewer } from '../../state/session-store';

const KIND_LABELS = { starter: 'Starter', mover: 'Mover', leaver: 'Leaver' } as const;
const FIELDS = [
  ['name', 'Name'],
  ['jobRole', 'Job role'],
  ['team', 'Team'],
  ['directorate', 'Directorate'],
  ['lineManager', 'Line manager'],
  ['status', 'Status'],
] as const;

function SideBySide({ change }: { change: EsrChange }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-u-visually-hidden">
        The register beside ESR for employee {change.employeeNumber}
      </caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Detail
          </th>
          <th scope="col" className="nhsuk-table__header">
            In the register now
          </th>
          <th scope="col" className="nhsuk-table__header">
            In ESR
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {FIELDS.map(([key, label]) => {
          const now = change.current?.[key] ?? null;
          const asked = change.requested[key];
          return (
            <tr key={key} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {label}
              </th>
              <td className="nhsuk-table__cell">{change.current ? (now ?? '—') : 'Not in the register'}</td>
              <td className={asked && asked !== now ? 'nhsuk-table__cell changed' : 'nhsuk-table__cell'}>
                {asked ?? '(unchanged)'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function EsrChangeCard({ change, done }: { change: EsrChange; done: (message: string) => void }) {
  const [open, setOpen] = useState<'review' | 'reject' | null>(null);
  const [person, setPerson] = useState<Person | null>(null);
  const { busy, error, run } = useAction();
  const who = change.requested.name ?? change.current?.name ?? `employee ${change.employeeNumber}`;
  const heading = `${KIND_LABELS[change.kind]}: ${who} (${change.employeeNumber}), ${change.effectiveOn}`;

  async function accept() {
    const result = await run(() => api.esr.accept({ id: change.id }));
    if (result) done(result.summary);
  }

  async function review() {
    if (!change.personId) return;
    const found = await run(() => api.people.get({ id: change.personId!, viewer: currentViewer() }));
    if (found) {
      setPerson(found.person);
      setOpen('review');
    }
  }

  return (
    <section aria-label={heading} className="nhsuk-card nhsuk-card__content">
      <h3>{heading}</h3>
      <p className="nhsuk-hint">
        From {change.fileName}, line {change.line}
        {change.kind !== 'starter' ? `; ${count(change.liveAccounts, 'live account')}` : ''}
      </p>
      <SideBySide change={change} />
      <ErrorAlert message={error} />
      <div className="button-row">
        {change.kind === 'mover' ? (
          <button
            type="button"
            className="nhsuk-button"
            disabled={busy || !change.personId}
            onClick={() => void review()}
          >
            Review access
          </button>
        ) : change.kind === 'starter' ? (
          <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void accept()}>
            Accept starter
          </button>
        ) : (
          <ConfirmButton
            label="Accept leaver"
            question={`De-register ${who} as a leaver from ${change.effectiveOn}?`}
            consequences={[
              `Each of their ${change.liveAccounts} live accounts is de-registered: deleted, or flagged disabled where the system keeps history (DIS-2, DIS-3).`,
              'Their open requests are withdrawn and their smartcard suspension is raised (DIS-4).',
              'This cannot be undone.',
            ]}
            confirmLabel={`De-register ${who}`}
            busy={busy}
            onConfirm={() => void accept()}
          />
        )}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setOpen('reject')}
        >
          Reject
        </button>
      </div>
      {open === 'reject' ? (
        <ReasonForm
          label="Why is this change rejected?"
          action="Reject change"
          record={(reason) => api.esr.reject({ id: change.id, reason })}
          done={done}
        />
      ) : null}
      {open === 'review' && person ? (
        <MoverReviewForm
          person={person}
          recordReview={(r) => api.esr.accept({ id: change.id, review: r })}
          newPosition={Object.fromEntries(
            (['jobRole', 'team', 'directorate'] as const).flatMap((k) =>
              change.requested[k] ? [[k, change.requested[k]]] : [],
            ),
          )}
          done={(lines, proposals) =>
            done(
              `${person.name}’s move is recorded: ${lines.join('; ') || 'no accounts to review'}.${proposals ? ` ${proposals}` : ''}`,
            )
          }
        />
      ) : null}
    </section>
  );
}
