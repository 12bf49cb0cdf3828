/**
 * How this workstation stands with the Trust register (issue 11 §2), as main last reported it: read
 * once when the frame opens, then every `sync:changed` event (each sync, each change made here)
 * replaces it. The offline banner, the navigation and Home read it from here.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../shared/contract/sync';
import { bridge } from '../api/bridge';

interface SyncStore {
  status: SyncStatus | null;
  setStatus(status: SyncStatus): void;
}

export const useSyncStore = create<SyncStore>((set) => ({
  status: null,
  setStatus: (status) => set({ status }),
}));

/** Follow main's reports while the signed-in frame is open. */
export function useFollowSyncStatus(): void {
  const setStatus = useSyncStore((s) => s.setStatus);
  useEffect(() => {
    // An event that arrives before the first read's answer is newer than it: keep the event.
    let heard = false;
    const off = bridge.on('sync:changed', (status) => {
      heard = true;
      setStatus(status);
    });
    void bridge.api.sync.status({}).then((result) => {
      if (result.ok && !heard) setStatus(result.value);
    });
    return off;
  }, [setStatus]);
}

/** Joined to a Trust register (so the Conflicts screen and the register's status belong on screen). */
export function useJoinedToRegister(): boolean {
  return useSyncStore((s) => s.status?.connected === true);
}
