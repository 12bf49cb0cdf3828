/** Messages announced to assistive technology: errors interrupt (alert), confirmations do not (status). */
import type { ReactNode } from 'react';

export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="error-summary" role="alert">
      <p>{message}</p>
    </div>
  );
}

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div className="status-message" role="status">
      {children}
    </div>
  );
}
