/**
 * The signed-in operator's passphrase, which is also their PostgreSQL password, held only while
 * their store is open (keyed by the open store, so locking drops it with the data key).
 */
import type { OpenStore } from '../store/open-store';

const secrets = new WeakMap<OpenStore, string>();

export function rememberTrustPassphrase(store: OpenStore, passphrase: string): void {
  secrets.set(store, passphrase);
}

export function trustPassphrase(store: OpenStore): string | null {
  return secrets.get(store) ?? null;
}
