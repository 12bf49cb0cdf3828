/**
 * Keeps a signed-in, connected workstation's replica current: LISTEN on the Trust register's
 * `gatehouse_events` channel (append_event notifies each new event) wakes a sync at once; a poll
 * every few seconds is the fallback when the notification connection is down. Syncs go through the
 * router (sync:now), one at a time.
 */
import type pg from 'pg';
import type { Core } from '../core';
import { openTrust } from './sync-engine';
import { readTrustLink } from './trust-state';
import { trustPassphrase } from './trust-secret';

export interface TrustWatcher {
  /** Whether the notification connection is up (else only the poll brings changes). */
  readonly listening: boolean;
  stop(): void;
}

export function startTrustWatcher(core: Core, pollMs = 5_000): TrustWatcher {
  let listener: pg.Client | null = null;
  let connecting = false;
  let running = false;
  let again = false;
  let stopped = false;

  async function sync(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (core.session.isActive) await core.call('sync:now', {});
      } while (again && !stopped);
    } finally {
      running = false;
    }
  }

  async function listen(): Promise<void> {
    const store = core.session.store;
    const operator = core.session.operator;
    if (listener || connecting || !store || !operator || !core.session.isActive) return;
    const link = readTrustLink(store.db);
    const passphrase = trustPassphrase(store);
    const login = store.db
      .prepare<[string], { login: string | null }>('SELECT login FROM operators WHERE id = ?')
      .get(operator.id)?.login;
    if (!link || !passphrase || !login) return;
    connecting = true;
    try {
      const client = await openTrust(link.url, link.ca, login, passphrase);
      client.on('notification', () => void sync());
      const drop = () => {
        if (listener === client) listener = null;
      };
      client.on('error', drop);
      client.on('end', drop);
      await client.query('LISTEN gatehouse_events');
      if (stopped) await client.end();
      else listener = client;
    } catch {
      // Unreachable: the poll tries again.
    } finally {
      connecting = false;
    }
  }

  const timer = setInterval(() => {
    if (!core.session.isActive) {
      void listener?.end().catch(() => undefined);
      listener = null;
      return;
    }
    void listen();
    void sync();
  }, pollMs);
  timer.unref();
  void listen();

  return {
    get listening() {
      return listener !== null;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      void listener?.end().catch(() => undefined);
      listener = null;
    },
  };
}
