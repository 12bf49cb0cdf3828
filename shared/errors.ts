/**
 * The envelope every channel answers with, and the error codes a caller can branch on. The message
 * is always a sentence a person can act on; stack traces never cross to the renderer.
 */
import type { FieldProblem } from './contract/field-errors';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_SIGNED_IN',
  'ACKNOWLEDGEMENT_REQUIRED',
  'FORBIDDEN',
  'PASSPHRASE_NOT_RECOGNISED',
  'THROTTLED',
  'CARD_REQUIRED',
  'WEAK_PASSPHRASE',
  'CONFLICT',
  'REFUSED_BY_POLICY',
  'NOT_FOUND',
  'NO_STORE',
  'STORE_EXISTS',
  'STORE_UNREADABLE',
  'STORE_DAMAGED',
  'STORE_TOO_NEW',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** INVALID_INPUT: each refused field, so the screen can mark it inline and list it in a summary. */
  fields?: FieldProblem[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function failure<T = never>(code: ErrorCode, message: string, fields?: FieldProblem[]): Envelope<T> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
