/** Chooses the screen from the session main reports, and follows its changes. */
import { useEffect } from 'react';
import { bridge } from './api/bridge';
import { ErrorAlert } from './components/feedback';
import { useSessionStore } from './state/session-store';
import { AcceptableUseScreen } from './screens/acceptable-use';
import { AppFrame } from './screens/app-frame';
import { FirstRunScreen } from './screens/first-run';
import { SignInScreen } from './screens/sign-in';

export function App() {
  const session = useSessionStore((s) => s.session);
  const unreachable = useSessionStore((s) => s.unreachable);
  const setSession = useSessionStore((s) => s.setSession);
  const setUnreachable = useSessionStore((s) => s.setUnreachable);

  useEffect(() => {
    const off = bridge.on('session:changed', setSession);
    void bridge.api.session.status({}).then((result) => {
      if (result.ok) setSession(result.value);
      else setUnreachable(result.error.message);
    });
    return off;
  }, [setSession, setUnreachable]);

  if (unreachable) {
    return (
      <main id="main" className="narrow">
        <h1>Gatehouse cannot start</h1>
        <ErrorAlert message={unreachable} />
      </main>
    );
  }
  if (!session) {
    return (
      <main id="main" className="narrow" aria-busy="true">
        <p role="status">Opening Gatehouse…</p>
      </main>
    );
  }
  switch (session.state) {
    case 'first-run':
      return <FirstRunScreen />;
    case 'signed-out':
      return <SignInScreen reason={session.reason} />;
    case 'acknowledging':
      return <AcceptableUseScreen session={session} />;
    case 'active':
      return <AppFrame session={session} />;
  }
}
