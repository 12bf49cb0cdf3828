/**
 * Add or change an access profile (issue 13 §1): the position (blank means any) and one account per
 * system. "Try against the register" shows who would match before anything is saved.
 */
import { type FormEvent, useState } from 'react';
import {
  type AccessProfile,
  POSITION_FIELDS,
  POSITION_LABELS,
  type PositionField,
} from '../../../shared/access-profiles';
import type { ChannelOutput } from '../../../shared/contract';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { ErrorAlert } from '../../components/feedback';
import { InsetText } from '../../components/nhs/inset-text';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { count } from '../../../shared/plural';

interface Row {
  systemId: string;
  role: string;
}

type Tried = ChannelOutput<'profiles:try'>;

export function ProfileForm({
  profile,
  done,
  cancel,
}: {
  profile: AccessProfile | null;
  done: (message: string) => void;
  cancel: () => void;
}) {
  const systems = useQuery(() => api.catalogue.list({}), 'systems');
  const [position, setPosition] = useState<Record<PositionField, string>>(
    Object.fromEntries(POSITION_FIELDS.map((f) => [f, profile?.position[f] ?? ''])) as Record<
      PositionField,
      string
    >,
  );
  const [rows, setRows] = useState<Row[]>(
    profile?.accounts.map((a) => ({ systemId: a.systemId, role: a.role })) ?? [{ systemId: '', role: '' }],
  );
  const [tried, setTried] = useState<Tried | null>(null);
  const { busy, run, fieldId, fieldError, summary } = useAction();
  const rolesOf = (systemId: string) => systems.value?.find((s) => s.id === systemId)?.roles ?? [];
  const input = () => ({
    ...(profile ? { id: profile.id } : {}),
    position: Object.fromEntries(POSITION_FIELDS.map((f) => [f, position[f].trim() || null])) as Record<
      PositionField,
      string | null
    >,
    accounts: rows.filter((r) => r.systemId !== ''),
  });
  const setRow = (i: number, row: Row) => {
    setTried(null);
    setRows(rows.map((r, j) => (j === i ? row : r)));
  };

  async function tryIt() {
    const result = await run(() => api.profiles.try(input()));
    if (result) setTried(result);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await run(() => api.profiles.save(input()));
    if (saved) done(`The profile is saved with ${count(saved.accounts.length, 'account')}.`);
  }

  // Each refused field is marked where it is and linked from the summary (issue 12 §4).
  const paths = [
    ...POSITION_FIELDS.map((f) => `position.${f}`),
    'accounts',
    ...rows.flatMap((_, i) => [`accounts.${i}.systemId`, `accounts.${i}.role`]),
  ];
  const problems = summary(paths);
  // "At least one account" is about the first account's system: the link goes there.
  const fieldErrors = problems.fieldErrors.map((e) =>
    e.fieldId === fieldId('accounts') ? { ...e, fieldId: fieldId('accounts.0.systemId') } : e,
  );
  return (
    <section aria-labelledby="profile-form-heading" className="action-form">
      <h2 id="profile-form-heading">{profile ? 'Change the access profile' : 'Add an access profile'}</h2>
      <ErrorAlert message={problems.message} fieldErrors={fieldErrors} />
      <form onSubmit={submit} noValidate>
        <fieldset className="nhsuk-fieldset" aria-describedby="profile-position-hint">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Position</legend>
          <div className="nhsuk-hint" id="profile-position-hint">
            Leave a field blank to match any value.
          </div>
          {POSITION_FIELDS.map((f) => (
            <Field
              key={f}
              label={POSITION_LABELS[f]}
              id={fieldId(`position.${f}`)}
              error={fieldError(`position.${f}`)}
              value={position[f]}
              onChange={(e) => {
                setTried(null);
                setPosition({ ...position, [f]: e.target.value });
              }}
            />
          ))}
        </fieldset>
        {rows.map((row, i) => (
          <fieldset key={i} className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Account {i + 1}</legend>
            <SelectField
              label={`System for account ${i + 1}`}
              id={fieldId(`accounts.${i}.systemId`)}
              error={fieldError(`accounts.${i}.systemId`) ?? (i === 0 ? fieldError('accounts') : null)}
              value={row.systemId}
              placeholder="Choose a system"
              options={(systems.value ?? []).map((system) => [system.id, system.name] as const)}
              onChange={(systemId) => setRow(i, { systemId, role: rolesOf(systemId)[0]?.name ?? '' })}
            />
            <SelectField
              label={`Role for account ${i + 1}`}
              id={fieldId(`accounts.${i}.role`)}
              error={fieldError(`accounts.${i}.role`)}
              value={row.role}
              options={rolesOf(row.systemId).map((role) => [role.name, role.name] as const)}
              onChange={(role) => setRow(i, { ...row, role })}
            />
            {rows.length > 1 ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                Remove account {i + 1}
              </button>
            ) : null}
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setRows([...rows, { systemId: '', role: '' }])}
          >
            Add another account
          </button>
        </p>
        {/* A finding, not a success: the design system's inset text, announced as it appears. */}
        {tried ? (
          <div role="status">
            <InsetText>
              <p>
                {tried.matching} {tried.matching === 1 ? 'person matches' : 'people match'}; {tried.lacking}{' '}
                of them {tried.lacking === 1 ? 'lacks' : 'lack'} an account it proposes.
              </p>
              {tried.sample.length > 0 ? (
                <ul>
                  {tried.sample.map((p) => (
                    <li key={p.personId}>
                      {p.name}
                      {p.team ? ` (${p.team})` : ''}: lacks {p.lacks.join(', ')}
                    </li>
                  ))}
                </ul>
              ) : null}
            </InsetText>
          </div>
        ) : null}
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={busy}
            onClick={() => void tryIt()}
          >
            Try against the register
          </button>
          <button type="submit" className="nhsuk-button" disabled={busy}>
            Save profile
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
