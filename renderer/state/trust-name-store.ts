/**
 * The Trust's name for the header, read from Settings when the frame opens and replaced when an
 * administrator saves a new one, so the header never shows the old name. Null until it is set.
 */
import { create } from 'zustand';
import { DEFAULT_TRUST_NAME } from '../../shared/model';

interface TrustNameStore {
  trustName: string | null;
  setTrustName(name: string): void;
}

export const useTrustNameStore = create<TrustNameStore>((set) => ({
  trustName: null,
  setTrustName: (name) => set({ trustName: name === DEFAULT_TRUST_NAME ? null : name }),
}));
