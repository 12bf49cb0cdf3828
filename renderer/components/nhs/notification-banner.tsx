/**
 * The design system's success banner. It takes focus when it appears (or its message changes), so
 * the result is announced and seen where the operator is looking; callers show one at a time.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';

export function SuccessBanner({ title = 'Success', children }: { title?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const text = typeof children === 'string' ? children : '';
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [text]);
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="region"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={ref}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content" role="status">
        {children}
      </div>
    </div>
  );
}
