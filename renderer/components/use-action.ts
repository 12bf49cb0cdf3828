/**
 * Runs a call to main, tracking busy state and the error to show. A refused form comes back with
 * each refused field (issue 12 §4): `fieldError(path)` is the message to show on that field and
 * `fieldId(path)` the id to give its input, so the error summary can link to it. `cancel()` abandons
 * the call in progress: its answer, when it comes, is dropped, so the screen stays as it was.
 */
import { useCallback, useId, useRef, useState } from 'react';
import type { FieldProblem } from '../../shared/contract/field-errors';
import type { Envelope } from '../../shared/errors';
import type { FieldError } from './nhs/error-summary';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldProblem[]>([]);
  const formId = useId();
  const generation = useRef(0);
  const run = useCallback(async <T>(call: () => Promise<Envelope<T>>): Promise<T | null> => {
    const mine = ++generation.current;
    setBusy(true);
    setError(null);
    setFields([]);
    try {
      const result = await call();
      if (mine !== generation.current) return null;
      if (result.ok) return result.value;
      setError(result.error.message);
      setFields(result.error.fields ?? []);
      return null;
    } finally {
      if (mine === generation.current) setBusy(false);
    }
  }, []);
  const cancel = useCallback(() => {
    generation.current += 1;
    setBusy(false);
  }, []);
  const fieldId = useCallback((path: string) => `${formId}-${path}`, [formId]);
  const fieldError = (path: string) => fields.find((f) => f.path === path)?.message ?? null;
  /**
   * What the error summary shows for a form whose inputs carry these paths: a link for each refused
   * field it shows, and as text only what it cannot place (a refusal about the whole form).
   */
  const summary = (shown: readonly string[]): { message: string | null; fieldErrors: FieldError[] } => {
    const placed = fields.filter((f) => shown.includes(f.path));
    const unplaced = fields.filter((f) => !shown.includes(f.path));
    const fieldErrors = placed.map((f) => ({ fieldId: fieldId(f.path), message: f.message }));
    if (placed.length === 0) return { message: error, fieldErrors };
    return { message: unplaced.length ? unplaced.map((f) => f.message).join(' ') : null, fieldErrors };
  };
  return { busy, error, setError, run, cancel, fieldId, fieldError, summary };
}
