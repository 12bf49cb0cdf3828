/** The Trust chain's verdict in words, shared by `sync verify` and `audit verify` (issue 11 §3). */
import type { z } from 'zod';
import type { trustVerdictSchema } from '../../../../shared/contract/sync';

export type TrustVerdict = z.output<typeof trustVerdictSchema>;

export function trustVerdictOk(v: TrustVerdict): boolean {
  return v.trustChain.valid && v.workstation.problem === null;
}

export function trustVerdictLines(v: TrustVerdict): string[] {
  const head = v.trustChain.head
    ? `, head event ${v.trustChain.head.seq}, hash ${v.trustChain.head.hash}`
    : '';
  const { anchored, localEvents, pending, problem } = v.workstation;
  return [
    `Trust chain: ${v.trustChain.valid ? 'valid' : `BROKEN — ${v.trustChain.problem ?? ''}`} (${v.trustChain.events} events${head})`,
    `This workstation: ${anchored} of ${localEvents} events anchored once${pending ? `, ${pending} to go with the next sync` : ''}${problem ? ` — ${problem}` : ''}`,
  ];
}
