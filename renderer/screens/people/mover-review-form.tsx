/**
 * A mover's access review (CHG-1, CHG-2): new job details, the line manager's authorisation, a decision
 * per account. From the ESR feed the new details come from ESR, so the form asks only for the review.
 */
import { type FormEvent, useState } from 'react';
import type { AccountOutcome } from '../../../shared/access-changes';
import type { CatalogueSystem } from '../../../shared/catalogue';
import type { Envelope } from '../../../shared/errors';
import type { Authorisation } from '../../../shared/requests';
import type { Person } from '../../../shared/register';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { describeOutcomes } from './leaver-form';
import { MoverProposal } from './mover-proposal';

type Decision = 'keep' | 'change-role' | 'remove';

export interface AccessReview {
  authorisation: Authorisation;
  decisions: { accountId: string; decision: Decision; newRole?: string }[];
}

export function MoverReviewForm({
  person,
  done,
  recordReview,
  newPosition,
}: {
  person: Person;
  /** The new job details where they come from elsewhere (the ESR feed), for the profiles' proposal. */
  newPosition?: { jobRole?: string; team?: string; directorate?: string };
  /** `proposals`: what recording the review requested for the new position (the ESR feed), in words. */
  done: (lines: string[], proposals?: string) => void;
  /**
   * Where the new job details come from elsewhere (the ESR feed), the review is recorded through this,
   * and the new position's "add" proposals are requested with it (issue 13 §2).
   */
  recordReview?: (
    review: AccessReview,
  ) => Promise<Envelope<{ outcomes: AccountOutcome[]; proposals: string }>>;
}) {
  const live = person.accounts.filter((a) => ['pending', 'active', 'suspended'].includes(a.status));
  const systems = useQuery(() => api.catalogue.list({}), 'systems');
  const [changes, setChanges] = useState({
    jobRole: person.jobRole ?? '',
    team: person.team ?? '',
    directorate: person.directorate ?? '',
  });
  const [auth, setAuth] = useState({ by: '', on: '' });
  const [decisions, setDecisions] = useState<Record<string, { decision: Decision; newRole: string }>>(
    Object.fromEntries(live.map((a) => [a.id, { decision: 'keep' as Decision, newRole: a.role }])),
  );
  // The record can gain accounts while the form is open (a request became ready): they start as "keep".
  const decisionOf = (a: { id: string; role: string }) =>
    decisions[a.id] ?? { decision: 'keep' as Decision, newRole: a.role };
  const { busy, error, run } = useAction();
  const rolesOf = (systemId: string) =>
    systems.value?.find((s: CatalogueSystem) => s.id === systemId)?.roles.map((r) => r.name) ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const review: AccessReview = {
      authorisation: { by: auth.by, on: auth.on, how: 'email' },
      decisions: live.map((a) => ({
        accountId: a.id,
        decision: decisionOf(a).decision,
        ...(decisionOf(a).decision === 'change-role' ? { newRole: decisionOf(a).newRole } : {}),
      })),
    };
    if (recordReview) {
      const result = await run(() => recordReview(review));
      if (result) done(describeOutcomes(result.outcomes), result.proposals);
      return;
    }
    const outcomes = await run(() => api.people.reviewMove({ personId: person.id, changes, ...review }));
    if (outcomes) done(describeOutcomes(outcomes));
  }

  return (
    <section aria-labelledby="mover-heading" className="action-form">
      <h3 id="mover-heading">Review access for a move</h3>
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        {recordReview ? null : (
          <>
            <Field
              label="New job role"
              value={changes.jobRole}
              onChange={(e) => setChanges({ ...changes, jobRole: e.target.value })}
            />
            <Field
              label="New team"
              value={changes.team}
              onChange={(e) => setChanges({ ...changes, team: e.target.value })}
            />
            <Field
              label="New directorate"
              value={changes.directorate}
              onChange={(e) => setChanges({ ...changes, directorate: e.target.value })}
            />
          </>
        )}
        <Field
          label="Change authorised by (line manager)"
          value={auth.by}
          onChange={(e) => setAuth({ ...auth, by: e.target.value })}
        />
        <DateInput label="Change authorised on" value={auth.on} onChange={(on) => setAuth({ ...auth, on })} />
        <MoverProposal
          addsRequestedOnRecord={recordReview !== undefined}
          personId={person.id}
          changes={newPosition ?? changes}
          use={(items) =>
            setDecisions(
              Object.fromEntries(
                live.map((a) => {
                  const item = items.find((i) => i.accountId === a.id);
                  const decision: Decision =
                    item?.action === 'remove' || item?.action === 'change-role' ? item.action : 'keep';
                  return [a.id, { decision, newRole: item?.proposedRole ?? a.role }];
                }),
              ),
            )
          }
        />
        {live.map((account) => (
          <fieldset key={account.id}>
            <legend>
              {account.systemName} ({account.role})
            </legend>
            <label htmlFor={`decision-${account.id}`}>Decision for {account.systemName}</label>
            <select
              id={`decision-${account.id}`}
              value={decisionOf(account).decision}
              onChange={(e) =>
                setDecisions({
                  ...decisions,
                  [account.id]: { ...decisionOf(account), decision: e.target.value as Decision },
                })
              }
            >
              <option value="keep">Keep as it is</option>
              <option value="change-role">Change role</option>
              <option value="remove">Remove</option>
            </select>
            {decisionOf(account).decision === 'change-role' ? (
              <>
                <label htmlFor={`role-${account.id}`}>New {account.systemName} role</label>
                <select
                  id={`role-${account.id}`}
                  value={decisionOf(account).newRole}
                  onChange={(e) =>
                    setDecisions({
                      ...decisions,
                      [account.id]: { ...decisionOf(account), newRole: e.target.value },
                    })
                  }
                >
                  {rolesOf(account.systemId).map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
          </fieldset>
        ))}
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Record review
        </button>
      </form>
    </section>
  );
}
