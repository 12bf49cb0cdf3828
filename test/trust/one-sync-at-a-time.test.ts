/**
 * One sync at a time per store (issue 11 §2): syncs asked for together run in turn, a failed one
 * does not stop the next, and a sync asked for from inside a sync (a removal re-run pushing its
 * new command) runs at once instead of waiting for itself.
 */
import { describe, expect, it } from 'vitest';
import { oneSyncAtATime } from '../../electron/trust/one-sync-at-a-time';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('one sync at a time', () => {
  it('runs syncs of one store in turn, and of two stores side by side', async () => {
    const store = {};
    const other = {};
    const log: string[] = [];
    const first = gate();
    const a = oneSyncAtATime(store, async () => {
      log.push('a starts');
      await first.opened;
      log.push('a ends');
    });
    const b = oneSyncAtATime(store, async () => {
      log.push('b runs');
    });
    await oneSyncAtATime(other, async () => {
      log.push('other store runs');
    });
    expect(log).toEqual(['a starts', 'other store runs']);
    first.open();
    await Promise.all([a, b]);
    expect(log).toEqual(['a starts', 'other store runs', 'a ends', 'b runs']);
  });

  it('a failed sync is reported to its caller and the next one still runs', async () => {
    const store = {};
    const failed = oneSyncAtATime(store, () => Promise.reject(new Error('connection lost')));
    const next = oneSyncAtATime(store, () => Promise.resolve('ran'));
    await expect(failed).rejects.toThrow('connection lost');
    await expect(next).resolves.toBe('ran');
  });

  it('a sync asked for from inside a sync of the same store runs at once', async () => {
    const store = {};
    const log: string[] = [];
    await oneSyncAtATime(store, async () => {
      log.push('outer');
      await oneSyncAtATime(store, async () => {
        log.push('inner');
      });
      log.push('outer again');
    });
    expect(log).toEqual(['outer', 'inner', 'outer again']);
  });
});
