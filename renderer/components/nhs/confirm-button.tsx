/**
 * A single change that removes access or cannot be undone (issue 12 §3): the button first opens a
 * confirmation naming the object and what will happen; only its Confirm button acts. Focus moves to
 * the question, and Cancel puts focus back on the button.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export function ConfirmButton({
  label,
  question,
  consequences,
  confirmLabel,
  busy,
  onConfirm,
  warning = true,
}: {
  label: string;
  question: string;
  consequences: ReactNode[];
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  warning?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className={warning ? 'nhsuk-button nhsuk-button--warning' : 'nhsuk-button'}
        disabled={busy}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <section className="action-panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {question}
      </h3>
      <ul className="nhsuk-list nhsuk-list--bullet" aria-label="What will happen">
        {consequences.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <div className="nhsuk-button-group">
        <button
          type="button"
          className={warning ? 'nhsuk-button nhsuk-button--warning' : 'nhsuk-button'}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </section>
  );
}
