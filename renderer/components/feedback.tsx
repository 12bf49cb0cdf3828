/**
 * Messages announced to assistive technology: a refusal is the design system's error summary
 * (role alert, focused); a confirmation is its success banner (focused, announced as status).
 */
import type { ReactNode } from 'react';
import { ErrorSummary, type FieldError } from './nhs/error-summary';
import { SuccessBanner } from './nhs/notification-banner';

export function ErrorAlert({ message, fieldErrors }: { message: string | null; fieldErrors?: FieldError[] }) {
  if (!message && !fieldErrors?.length) return null;
  return <ErrorSummary message={message} fieldErrors={fieldErrors} />;
}

export function StatusMessage({ children }: { children: ReactNode }) {
  return <SuccessBanner>{children}</SuccessBanner>;
}
