/** Settings: the Trust's name and the idle lock (administrators), and the operator's own passphrase. */
import { type FormEvent, useState } from 'react';
import { IDLE_LOCK_MINUTES, type SessionState } from '../../shared/model';
import { checkPassphrase } from '../../shared/policy/passphrase';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useTrustNameStore } from '../state/trust-name-store';
import { useAction } from '../components/use-action';
import { useQuery } from '../components/use-query';
import { useCan } from '../state/session-store';
import { SmartcardSettings } from './smartcard-settings';
import { TrustRegisterSettings } from './trust-register-settings';
import { count } from '../../shared/plural';

type Active = Extract<SessionState, { state: 'active' }>;

function CardRemovalForm() {
  const current = useQuery(() => api.settings.get({}), 'settings-card');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  async function toggle(on: boolean) {
    setSaved(null);
    const settings = await run(() => api.settings.update({ lockOnCardRemoval: on }));
    if (settings) {
      current.reload();
      setSaved(
        settings.lockOnCardRemoval
          ? 'Gatehouse now locks when the smartcard an operator signed in with is taken out.'
          : 'Gatehouse no longer locks when a smartcard is taken out; the idle lock still applies.',
      );
    }
  }
  if (!current.value) return null;
  return (
    <section aria-labelledby="card-lock-heading">
      <h2 id="card-lock-heading">Smartcard removal</h2>
      <ErrorAlert message={error} />
      {saved ? <StatusMessage>{saved}</StatusMessage> : null}
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input"
          id="lock-on-card-removal"
          type="checkbox"
          checked={current.value.lockOnCardRemoval}
          disabled={busy}
          onChange={(e) => void toggle(e.target.checked)}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="lock-on-card-removal">
          Lock Gatehouse when an operator’s smartcard is taken out
        </label>
      </div>
    </section>
  );
}

function IdleLockForm({ current }: { current: number }) {
  const [minutes, setMinutes] = useState(String(current));
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const settings = await run(() => api.settings.update({ idleLockMinutes: Number(minutes) }));
    if (settings)
      setSaved(`Gatehouse now locks after ${count(settings.idleLockMinutes, 'minute')} without activity.`);
  }
  return (
    <section aria-labelledby="idle-heading">
      <h2 id="idle-heading">Idle lock</h2>
      <ErrorAlert message={error} />
      {saved ? <StatusMessage>{saved}</StatusMessage> : null}
      <form onSubmit={submit} noValidate>
        <Field
          label="Lock after this many minutes without activity"
          hint={`From ${IDLE_LOCK_MINUTES.min} to ${IDLE_LOCK_MINUTES.max}. The lock drops the database key from memory.`}
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Save idle lock
        </button>
      </form>
    </section>
  );
}

function TrustNameForm() {
  const current = useQuery(() => api.settings.get({}), 'settings');
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const settings = await run(() => api.settings.update({ trustName: name ?? '' }));
    if (settings) {
      useTrustNameStore.getState().setTrustName(settings.trustName);
      setSaved(`Reports and the header now carry the name ${settings.trustName}.`);
    }
  }
  if (!current.value) return null;
  return (
    <section aria-labelledby="trust-heading">
      <h2 id="trust-heading">Trust name</h2>
      <ErrorAlert message={error} />
      {saved ? <StatusMessage>{saved}</StatusMessage> : null}
      <form onSubmit={submit} noValidate>
        <Field
          label="The Trust’s name, as reports show it"
          value={name ?? current.value.trustName}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="nhsuk-button" disabled={busy || name === null}>
          Save Trust name
        </button>
      </form>
    </section>
  );
}

function ChangePassphraseForm({ name }: { name: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const check = checkPassphrase(next, name);
    if (!check.ok) return setError(check.problems.join(' '));
    if (next !== confirm) return setError('The new passphrases do not match. Type them again.');
    const result = await run(() => api.session.changePassphrase({ current, next }));
    setCurrent('');
    setNext('');
    setConfirm('');
    if (result) setDone(true);
  }
  return (
    <section aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">Change your passphrase</h2>
      <ErrorAlert message={error} />
      {done ? (
        <StatusMessage>
          Your passphrase has been changed. Use the new one next time you sign in.
        </StatusMessage>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field
          label="Current passphrase"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <Field
          label="New passphrase"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters."
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <Field
          label="Confirm new passphrase"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Change passphrase
        </button>
      </form>
    </section>
  );
}

export function SettingsScreen({ session }: { session: Active }) {
  const canManage = useCan('settings:manage');
  return (
    <>
      <PageHeading>Settings</PageHeading>
      {canManage ? <TrustNameForm /> : null}
      {canManage ? <IdleLockForm current={session.idleLockMinutes} /> : null}
      {canManage ? <CardRemovalForm /> : null}
      {canManage ? <SmartcardSettings /> : null}
      {canManage ? <TrustRegisterSettings /> : null}
      <ChangePassphraseForm name={session.operator.name} />
    </>
  );
}
