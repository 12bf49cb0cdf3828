/**
 * One orphan account with what can be done about it: link it to the person who holds it (choosing a
 * role the system offers), raise its removal with the system's administrator, or record it removed.
 */
import { type FormEvent, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { PersonSummary } from '../../../shared/register';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { ReasonForm } from '../../components/reason-form';
import { SelectField } from '../../components/select-field';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { PersonPicker } from '../requests/person-picker';

type Orphan = ChannelOutput<'activity:orphans'>[number];
type Action = 'link' | 'raise-removal' | 'removed';

function LinkForm({ orphan, done }: { orphan: Orphan; done: (message: string) => void }) {
  const system = useQuery(() => api.catalogue.get({ id: orphan.systemId }), orphan.systemId);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [role, setRole] = useState('');
  const { busy, error, setError, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!person) return setError('Choose the person who holds this account.');
    const result = await run(() =>
      api.activity.resolveOrphan({
        systemId: orphan.systemId,
        username: orphan.username,
        resolution: { action: 'link', personId: person.id, role },
      }),
    );
    if (result) done(result.summary);
  }
  const roles = system.value?.roles.map((r) => [r.name, r.name] as const) ?? [];
  return (
    <form onSubmit={submit} noValidate className="action-form" aria-label={`Link ${orphan.username}`}>
      <ErrorAlert message={error} />
      <PersonPicker chosen={person} onChoose={setPerson} label="Account holder" />
      <SelectField
        label="Role on the system"
        value={role}
        options={roles}
        placeholder="Choose a role"
        onChange={setRole}
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Link account
      </button>
    </form>
  );
}

export function OrphanRow({ orphan, done }: { orphan: Orphan; done: (message: string) => void }) {
  const [open, setOpen] = useState<Action | null>(null);
  const label = `${orphan.username} on ${orphan.systemName}`;
  const resolve = (
    resolution: { action: 'raise-removal'; reason: string } | { action: 'removed'; note: string },
  ) => api.activity.resolveOrphan({ systemId: orphan.systemId, username: orphan.username, resolution });
  return (
    <li className="nhsuk-card nhsuk-card__content" aria-label={label}>
      <p>
        <strong>{orphan.username}</strong> on {orphan.systemName}: last sign-in {orphan.lastSignIn ?? 'never'}
        {orphan.state === 'removal-raised' ? `. Removal raised: ${orphan.resolutionNote ?? ''}` : ''}
      </p>
      <div className="button-row">
        {orphan.state === 'open' ? (
          <>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setOpen('link')}
            >
              Link to a person
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setOpen('raise-removal')}
            >
              Raise removal
            </button>
          </>
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setOpen('removed')}
          >
            Record removed
          </button>
        )}
      </div>
      {open === 'link' ? <LinkForm orphan={orphan} done={done} /> : null}
      {open === 'raise-removal' ? (
        <ReasonForm
          label="Why should it be removed?"
          action="Raise removal"
          record={(reason) => resolve({ action: 'raise-removal', reason })}
          done={done}
        />
      ) : null}
      {open === 'removed' ? (
        <ReasonForm
          label="Who removed it, and when?"
          action="Record removed"
          record={(note) => resolve({ action: 'removed', note })}
          done={done}
        />
      ) : null}
    </li>
  );
}
