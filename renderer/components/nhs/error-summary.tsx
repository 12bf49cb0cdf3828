/**
 * The design system's error summary: every refused field at once, each a link that moves focus to
 * the field. It takes focus when it appears, so the operator hears what to fix first.
 */
import { useEffect, useId, useRef } from 'react';

export interface FieldError {
  /** The id of the input the message is about (the link's target). */
  fieldId: string;
  message: string;
}

export function ErrorSummary({
  title = 'There is a problem',
  message,
  fieldErrors = [],
}: {
  title?: string;
  message?: string | null;
  fieldErrors?: FieldError[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const shown = Boolean(message) || fieldErrors.length > 0;
  const signature = `${message ?? ''}|${fieldErrors.map((e) => e.message).join('|')}`;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, signature]);
  if (!shown) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby={titleId} role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id={titleId}>
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        {message ? <p>{message}</p> : null}
        {fieldErrors.length > 0 ? (
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {fieldErrors.map((error) => (
              <li key={`${error.fieldId}-${error.message}`}>
                <a
                  href={`#${error.fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(error.fieldId)?.focus();
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
