/**
 * channel -> service: reject unknown channels, validate input, check the operator's permission,
 * run the service, insist that a mutating service wrote its audit event, validate the output,
 * and answer `{ ok, value }` or `{ ok: false, error: { code, message } }`. No stack trace leaves.
 */
import { ZodError } from 'zod';
import { contract, type ChannelName, isChannelName } from '../shared/contract';
import type { Envelope } from '../shared/errors';
import { failure, ok } from '../shared/errors';
import { describeFieldProblems, humaneErrorMap } from '../shared/contract/field-errors';
import {
  type Gate,
  PERMISSION_ACTIONS,
  type Permission,
  type Role,
  ROLE_LABELS,
  ROLES,
  roleHas,
} from '../shared/permissions';
import { type CoreDependencies, type Handlers, ServiceContext } from './service-context';
import type { Session } from './session';
import type { Logger } from './app-log';
import { isGatehouseError } from './store/errors';
import { syncAfterCommand } from './trust/sync-engine';
import { runTrustWide } from './trust/trust-wide';

export interface Router {
  call(channel: string, input: unknown): Promise<Envelope<unknown>>;
}

export type { Logger } from './app-log';

/** A refused input as the operator reads it: labelled sentences, every field at once (issue 12 §4). */
export function describeZodError(error: ZodError): string {
  return describeFieldProblems(error).message;
}

/** Who may do what the operator tried: the roles that hold the permission, in the operator's words. */
/** The refusal an operator gets for a permission their role lacks: what they tried and who can. */
export function forbiddenSentence(role: Role, gate: Permission): string {
  const who = ROLES.filter((r) => roleHas(r, gate)).map(
    (r) => `${/^[AEIOU]/.test(ROLE_LABELS[r]) ? 'an' : 'a'} ${ROLE_LABELS[r]}`,
  );
  const whoCan = who.length > 1 ? `${who.slice(0, -1).join(', ')} or ${who.at(-1)}` : (who[0] ?? 'no role');
  return `Your role (${ROLE_LABELS[role]}) cannot ${PERMISSION_ACTIONS[gate]}. Only ${whoCan} can: ask one to do it for you.`;
}

/** What an operator hears when their role lacks the permission a channel needs. */
function gateRefusal(session: Session, gate: Gate): Envelope<never> | null {
  if (gate === 'public') return null;
  const operator = session.operator;
  if (!operator) return failure('NOT_SIGNED_IN', 'You are signed out. Sign in to continue.');
  if (gate === 'signed-in') return null;
  if (!session.isActive) {
    return failure('ACKNOWLEDGEMENT_REQUIRED', 'Read and acknowledge the acceptable use statement first.');
  }
  if (gate === 'active' || session.can(gate)) return null;
  return failure('FORBIDDEN', forbiddenSentence(operator.role, gate));
}

export function createRouter(handlers: Handlers, deps: CoreDependencies, log: Logger): Router {
  async function run(channel: ChannelName, input: unknown): Promise<Envelope<unknown>> {
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input, { error: humaneErrorMap });
    if (!parsed.success) {
      const problems = describeFieldProblems(parsed.error);
      return failure('INVALID_INPUT', problems.message, problems.fields);
    }
    const refusal = gateRefusal(deps.session, spec.permission);
    if (refusal) return refusal;
    if (deps.session.operator) deps.session.touch();

    const ctx = new ServiceContext(deps, spec.mutates ? { channel, input: parsed.data } : null);
    const handler = handlers[channel] as (c: ServiceContext, i: unknown) => unknown;
    // Trust-wide jobs hold the register's advisory lock while they run and push (run once per Trust).
    const value = await runTrustWide(ctx, channel, async () => {
      const result = await handler(ctx, parsed.data);
      if (spec.mutates && ctx.auditedEvents === 0) {
        // Every mutating channel changes data only through ctx.transact, which audits (REP-3).
        throw new Error(`Mutating channel ${channel} did not go through an audited transaction`);
      }
      // Linked to the Trust register: push the change now, while the operator waits (offline, it stays queued).
      if (spec.mutates) await syncAfterCommand(ctx);
      return result;
    });
    const output = spec.output.safeParse(value);
    if (!output.success)
      throw new Error(`Channel ${channel} returned an invalid value: ${output.error.message}`);
    return ok(output.data);
  }

  return {
    async call(channel, input) {
      if (!isChannelName(channel)) {
        return failure(
          'UNKNOWN_CHANNEL',
          'Gatehouse did not recognise that request. If this keeps happening, restart Gatehouse.',
        );
      }
      if (deps.session.isIdle()) {
        deps.session.end('idle');
        deps.emitSessionChanged();
      }
      try {
        return await run(channel, input);
      } catch (error) {
        if (isGatehouseError(error)) return failure(error.code, error.message);
        if (error instanceof ZodError) return failure('INVALID_INPUT', describeZodError(error));
        log(`Unexpected failure in ${channel}`, error, { channel });
        return failure(
          'INTERNAL',
          'Gatehouse hit an unexpected problem. Check whether the change took effect before trying again; ' +
            'the details are in the application log for your Gatehouse administrator.',
        );
      }
    },
  };
}
