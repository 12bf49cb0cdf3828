/**
 * A failure with a sentence a person can act on. Services throw these; the router turns them into
 * `{ ok: false, error }`. Anything else is a bug and becomes a generic INTERNAL error.
 */
import type { ErrorCode } from '../../shared/errors';

export class GatehouseError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatehouseError';
    this.code = code;
  }
}

export function isGatehouseError(error: unknown): error is GatehouseError {
  return error instanceof GatehouseError;
}
