/** Typed events from the core to whichever host is listening (Electron IPC, SSE, tests). */
import type { EventName, EventPayload } from '../shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export class CoreEvents {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}
