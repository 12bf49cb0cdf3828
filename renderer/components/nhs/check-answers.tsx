/**
 * Look before you leap (issue 12 §3): before a change that removes access or cannot be undone, the
 * operator sees exactly what will happen, as the design system's "check your answers" page, and
 * confirms or goes back. It takes focus when it opens, so what is at stake is read first.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { ErrorAlert } from '../feedback';
import { type SummaryRow, SummaryList } from './summary-list';

export function CheckAnswers({
  heading,
  answers,
  consequences,
  confirmLabel,
  removesAccess,
  busy,
  error,
  onConfirm,
  onBack,
}: {
  heading: string;
  /** What the operator entered, each with a Change that goes back to the form. */
  answers: SummaryRow[];
  /** What will happen, one line each (every account and what becomes of it). */
  consequences: ReactNode[];
  confirmLabel: string;
  /** A warning button for what takes access away; primary otherwise. */
  removesAccess: boolean;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => ref.current?.focus(), []);
  return (
    <section aria-labelledby={headingId} className="action-form">
      <h2 id={headingId} ref={ref} tabIndex={-1}>
        {heading}
      </h2>
      <ErrorAlert message={error} />
      <SummaryList rows={answers.map((row) => ({ ...row, change: { onClick: onBack } }))} />
      <h3>What will happen</h3>
      <ul className="nhsuk-list nhsuk-list--bullet" aria-label="What will happen">
        {consequences.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <div className="nhsuk-button-group">
        <button
          type="button"
          className={removesAccess ? 'nhsuk-button nhsuk-button--warning' : 'nhsuk-button'}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onBack}>
          Go back and change
        </button>
      </div>
    </section>
  );
}
