/**
 * Runs a call to main, tracking busy state and the error sentence to show. `cancel()` abandons the
 * call in progress: its answer, when it comes, is dropped, so the screen stays as it was.
 */
import { useCallback, useRef, useState } from 'react';
import type { Envelope } from '../../shared/errors';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const run = useCallback(async <T>(call: () => Promise<Envelope<T>>): Promise<T | null> => {
    const mine = ++generation.current;
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (mine !== generation.current) return null;
      if (result.ok) return result.value;
      setError(result.error.message);
      return null;
    } finally {
      if (mine === generation.current) setBusy(false);
    }
  }, []);
  const cancel = useCallback(() => {
    generation.current += 1;
    setBusy(false);
  }, []);
  return { busy, error, setError, run, cancel };
}
