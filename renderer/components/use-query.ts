/**
 * Loads from main when the screen opens and whenever `key` changes; `reload()` asks again.
 * State changes only when an answer arrives, and a stale answer (the key moved on) is dropped.
 * `revision` counts the answers: a form that keeps its own state keys on it, so after a save it
 * starts again from what main re-read, never from the values it was first filled with.
 */
import { useEffect, useState } from 'react';
import type { Envelope } from '../../shared/errors';

export function useQuery<T>(call: () => Promise<Envelope<T>>, key: string) {
  const [result, setResult] = useState<{
    key: string;
    value: T | null;
    error: string | null;
    revision: number;
  } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void call().then((envelope) => {
      if (!current) return;
      setResult((previous) => {
        const revision = (previous?.revision ?? 0) + 1;
        return envelope.ok
          ? { key, value: envelope.value, error: null, revision }
          : { key, value: null, error: envelope.error.message, revision };
      });
    });
    return () => {
      current = false;
    };
    // `call` is a fresh closure each render; `key` says when it asks for something different.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  return {
    value: result?.value ?? null,
    error: result?.error ?? null,
    loading: result === null || result.key !== key,
    revision: result?.revision ?? 0,
    reload: () => setVersion((v) => v + 1),
  };
}
