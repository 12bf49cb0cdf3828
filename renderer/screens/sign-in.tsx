/**
 * Sign in with name and passphrase (and, for operators linked to one, the smartcard in the reader);
 * says why the screen is showing after a lock, and whether a card in a reader is ready.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { SmartcardState } from '../../shared/smartcard';
import { api, bridge } from '../api/bridge';
import { Field } from '../components/field';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { useSessionStore } from '../state/session-store';

const REASONS: Record<string, string> = {
  idle: 'Gatehouse locked because it was not used for a while. Sign in again to continue.',
  'card-removed': 'Gatehouse locked because your smartcard was removed.',
  'signed-out': 'You have signed out.',
  'joined-register':
    'This workstation has joined the Trust register. Sign in again to work on the Trust’s register.',
};

/** Only whether a card is being read or ready: main sends no identity before anyone signs in. */
function CardReadiness() {
  const [state, setState] = useState<SmartcardState | null>(null);
  useEffect(() => bridge.on('smartcard:changed', setState), []);
  const card = state?.readers.find((r) => r.card !== null);
  if (!card?.card) return null;
  const text =
    card.card.state === 'reading'
      ? `Reading the smartcard in ${card.name}…`
      : card.card.state === 'read'
        ? `The smartcard in ${card.name} is ready.`
        : `The smartcard in ${card.name} could not be read: take it out and put it back.`;
  return (
    <p className="nhsuk-hint" role="status">
      {text}
    </p>
  );
}

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
      <CardReadiness />
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
        <button type="submit" className="nhsuk-button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
