/**
 * Component tests talk to a scripted main: `window.gatehouse` is the real API built by
 * buildApi() over a transport whose answers each test sets. Main itself is tested in the core
 * and end-to-end suites; here we test what the screens do with its answers.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { buildApi } from '../../shared/api';
import type { Envelope } from '../../shared/errors';

type Responder = (channel: string, input: unknown) => Envelope<unknown>;

export const fakeMain = {
  calls: [] as { channel: string; input: unknown }[],
  responders: new Map<string, Responder>(),
  listeners: new Map<string, Set<(payload: unknown) => void>>(),
  answer(channel: string, value: unknown) {
    this.responders.set(channel, () => ({ ok: true, value }));
  },
  refuse(channel: string, code: string, message: string) {
    this.responders.set(channel, () => ({ ok: false, error: { code, message } }) as Envelope<unknown>);
  },
  emit(event: string, payload: unknown) {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  },
  reset() {
    this.calls = [];
    this.responders.clear();
  },
};

window.gatehouse = buildApi({
  async invoke(channel, input) {
    fakeMain.calls.push({ channel, input });
    const responder = fakeMain.responders.get(channel);
    if (!responder)
      return { ok: false, error: { code: 'INTERNAL', message: `No scripted answer for ${channel}` } };
    return responder(channel, input);
  },
  subscribe(event, listener) {
    const set = fakeMain.listeners.get(event) ?? new Set();
    set.add(listener);
    fakeMain.listeners.set(event, set);
    return () => set.delete(listener);
  },
});

afterEach(() => {
  cleanup();
  fakeMain.reset();
  window.location.hash = '';
});
