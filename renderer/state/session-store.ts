/** The session as main last reported it; main pushes every change as a `session:changed` event. */
import { create } from 'zustand';
import type { SessionState } from '../../shared/model';
import type { Permission } from '../../shared/permissions';
import { navigate } from '../routing/use-hash-route';

interface SessionStore {
  session: SessionState | null;
  /** Set when main could not be reached at all. */
  unreachable: string | null;
  setSession(session: SessionState): void;
  setUnreachable(message: string): void;
}

/**
 * Every sign-in starts at Home (USE-3): when the session this window showed ends (sign-out, lock) or
 * passes to another operator, the route goes Home before anything renders for the new session, so
 * no one lands on a record someone else left open. Main pushes the change to every window.
 */
function startsAfresh(before: SessionState | null, after: SessionState): boolean {
  if (before === null) return false;
  if (after.state !== 'active' || before.state !== 'active') return true;
  return before.operator.id !== after.operator.id;
}

export const useSessionStore = create<SessionStore>((set, get) => ({
  session: null,
  unreachable: null,
  setSession: (session) => {
    if (startsAfresh(get().session, session)) navigate('/');
    set({ session, unreachable: null });
  },
  setUnreachable: (message) => set({ unreachable: message }),
}));

export function useCan(permission: Permission): boolean {
  return useSessionStore(
    (s) => s.session?.state === 'active' && s.session.operator.permissions.includes(permission),
  );
}

/** One empty list: a selector that made a new one each time would re-render without end. */
const NONE: readonly string[] = [];

/** Whether the signed-in operator administers every system (not scoped to some). */
export function useAdministersEverySystem(): boolean {
  return useSessionStore((s) => s.session?.state === 'active' && s.session.operator.systems === null);
}

/** Whether the signed-in operator administers this system (scoped operators see the rest read-only). */
export function useAdministers(): (systemId: string) => boolean {
  const systems = useSessionStore((s) => (s.session?.state === 'active' ? s.session.operator.systems : NONE));
  return (systemId: string) => systems === null || systems.includes(systemId);
}

/** The operator this window is showing, sent with a record read so main records the view in the right name. */
export function currentViewer(): string | undefined {
  const session = useSessionStore.getState().session;
  return session?.state === 'active' ? session.operator.id : undefined;
}
