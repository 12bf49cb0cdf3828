/** Sign in with name and passphrase; says why the screen is showing after a lock. */
import { type FormEvent, useState } from 'react';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { useSessionStore } from '../state/session-store';

const REASONS: Record<string, string> = {
  idle: 'Gatehouse locked because it was not used for a while. Sign in again to continue.',
  'card-removed': 'Gatehouse locked because your smartcard was removed.',
  'signed-out': 'You have signed out.',
};

export function SignInScreen({ reason }: { reason: string }) {
  const setSession = useSessionStore((s) => s.setSession);
  const { busy, error, setError, run } = useAction();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '' || passphrase === '') return setError('Enter your name and passphrase.');
    const state = await run(() => api.session.signIn({ name, passphrase }));
    setPassphrase('');
    if (state) setSession(state);
  }

  return (
    <main id="main" className="narrow">
      <PageHeading>Sign in to Gatehouse</PageHeading>
      {REASONS[reason] ? <StatusMessage>{REASONS[reason]}</StatusMessage> : null}
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        <Field
          label="Name"
          autoComplete="username"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <Field
          label="Passphrase"
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
