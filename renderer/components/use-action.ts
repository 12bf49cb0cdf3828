/** Runs a call to main, tracking busy state and the error sentence to show. */
import { useCallback, useState } from 'react';
import type { Envelope } from '../../shared/errors';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(call: () => Promise<Envelope<T>>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (result.ok) return result.value;
      setError(result.error.message);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
