/** USE-2: the acceptable use statement, shown at every sign-in and acknowledged before any work. */
import type { SessionState } from '../../shared/model';
import { api } from '../api/bridge';
import { ErrorAlert } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { useSessionStore } from '../state/session-store';

type Acknowledging = Extract<SessionState, { state: 'acknowledging' }>;

export function AcceptableUseScreen({ session }: { session: Acknowledging }) {
  const setSession = useSessionStore((s) => s.setSession);
  const { busy, error, run } = useAction();
  const statement = session.acceptableUse;

  async function agree() {
    const state = await run(() => api.session.acknowledgeAcceptableUse({ version: statement.version }));
    if (state) setSession(state);
  }

  async function signOut() {
    const state = await run(() => api.session.signOut({}));
    if (state) setSession(state);
  }

  return (
    <main id="main" className="narrow">
      <PageHeading>{statement.title}</PageHeading>
      <p className="nhsuk-body-l">
        Signed in as {session.operator.name}. Please read this before you continue.
      </p>
      <ErrorAlert message={error} />
      <div className="statement">
        {statement.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="nhsuk-button" onClick={agree} disabled={busy}>
          I understand and agree
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={signOut}
          disabled={busy}
        >
          Sign out
        </button>
      </div>
    </main>
  );
}
