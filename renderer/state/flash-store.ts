/** A message to show on the next screen (e.g. REG-10 warnings after recording a request). */
import { create } from 'zustand';

interface FlashStore {
  messages: string[];
  flash(messages: string[]): void;
  take(): string[];
}

export const useFlashStore = create<FlashStore>((set, get) => ({
  messages: [],
  flash: (messages) => set({ messages }),
  take: () => {
    const { messages } = get();
    set({ messages: [] });
    return messages;
  },
}));
