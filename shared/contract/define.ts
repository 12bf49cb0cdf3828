/**
 * What a channel declares. Everything else (the preload API, the router table, the renderer client)
 * is derived from these declarations, so nothing about a channel is typed twice.
 */
import type { z } from 'zod';
import type { Gate } from '../permissions';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Validates the caller's payload in main; unknown keys are refused (strict objects). */
  readonly input: I;
  /** Validates what main sends back, so a service bug cannot leak fields it should not. */
  readonly output: O;
  /** The permission, or gate, the signed-in operator needs. */
  readonly permission: Gate;
  /** Mutating channels run in one transaction that must write an audit event. */
  readonly mutates: boolean;
  readonly summary: string;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(
  spec: ChannelSpec<I, O>,
): ChannelSpec<I, O> {
  return spec;
}
