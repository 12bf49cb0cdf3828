/** First run: create the store's first administrator. */
import { type FormEvent, useState } from 'react';
import { checkPassphrase, MIN_PASSPHRASE_LENGTH } from '../../shared/policy/passphrase';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { ErrorAlert } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { useSessionStore } from '../state/session-store';

export function FirstRunScreen() {
  const setSession = useSessionStore((s) => s.setSession);
  const { busy, error, setError, run } = useAction();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkPassphrase(passphrase, name);
    if (name.trim() === '') return setError('Enter your name.');
    if (!check.ok) return setError(check.problems.join(' '));
    if (passphrase !== confirm) return setError('The two passphrases do not match. Type them again.');
    const state = await run(() => api.session.createFirstAdministrator({ name, passphrase }));
    if (state) setSession(state);
  }

  return (
    <main id="main" className="narrow">
      <PageHeading>Set up Gatehouse</PageHeading>
      <p>
        This workstation has no Gatehouse store yet. Create the first administrator: you will then add your
        colleagues, each with their own sign-in.
      </p>
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        <Field
          label="Your name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <Field
          label="Passphrase"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          required
        />
        <Field
          label="Confirm passphrase"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
        />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          {busy ? 'Creating…' : 'Create administrator'}
        </button>
      </form>
    </main>
  );
}
