/** The session as main last reported it; main pushes every change as a `session:changed` event. */
import { create } from 'zustand';
import type { SessionState } from '../../shared/model';
import type { Permission } from '../../shared/permissions';

interface SessionStore {
  session: SessionState | null;
  /** Set when main could not be reached at all. */
  unreachable: string | null;
  setSession(session: SessionState): void;
  setUnreachable(message: string): void;
}

export const useSessionStore = create<SessionStore>((set) => ({
  session: null,
  unreachable: null,
  setSession: (session) => set({ session, unreachable: null }),
  setUnreachable: (message) => set({ unreachable: message }),
}));

export function useCan(permission: Permission): boolean {
  return useSessionStore(
    (s) => s.session?.state === 'active' && s.session.operator.permissions.includes(permission),
  );
}

/** Whether the signed-in operator administers this system (scoped operators see the rest read-only). */
export function useAdministers(): (systemId: string) => boolean {
  const systems = useSessionStore((s) => (s.session?.state === 'active' ? s.session.operator.systems : []));
  return (systemId: string) => systems === null || systems.includes(systemId);
}
