/**
 * One sync at a time per store: Try again on the banner, Sync now, the watcher's poll and the push
 * after each change may all ask at once, and two pushes of the same queue must not interleave (each
 * would claim the same commands). A later request waits for the running one, then runs itself, so
 * what was queued meanwhile goes up too. A sync started from inside a sync (a removal re-run
 * through the router pushes its new command) runs at once, as part of the outer one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const running = new WeakMap<object, Promise<unknown>>();
const inside = new AsyncLocalStorage<object>();

export function oneSyncAtATime<T>(store: object, sync: () => Promise<T>): Promise<T> {
  if (inside.getStore() === store) return sync();
  const before = running.get(store) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => inside.run(store, sync));
  running.set(store, mine);
  void mine
    .finally(() => {
      if (running.get(store) === mine) running.delete(store);
    })
    .catch(() => undefined);
  return mine;
}
