/** The design system's inset text: a note the operator should not miss, beside the work. */
import type { ReactNode } from 'react';

export function InsetText({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}
