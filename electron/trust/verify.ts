/**
 * `sync:verify` (issue 11 §3): walk the whole Trust chain (each hash recomputed here, not trusted),
 * and check this workstation's own chain against its anchors: every anchored event once, in order,
 * with the same hash; the rest are simply not yet pushed.
 */
import type pg from 'pg';
import type { Handlers } from '../service-context';
import { GatehouseError } from '../store/errors';
import { openTrust } from './sync-engine';
import { verifyTrustChain, type TrustEventRow } from './trust-chain';
import { readTrustLink } from './trust-state';
import { trustPassphrase } from './trust-secret';

export const verifyHandlers: Pick<Handlers, 'sync:verify'> = {
  'sync:verify': async (ctx) => {
    const db = ctx.db();
    const link = readTrustLink(db);
    const login = db
      .prepare<[string], { login: string | null }>('SELECT login FROM operators WHERE id = ?')
      .get(ctx.actor().id)?.login;
    const passphrase = ctx.session.store ? trustPassphrase(ctx.session.store) : null;
    if (!link || !login || !passphrase) {
      throw new GatehouseError(
        'NOT_FOUND',
        'This workstation is not joined to a Trust register with your login, so there is no Trust chain to verify here.',
      );
    }
    const client: pg.Client = await openTrust(link.url, link.ca, login, passphrase);
    try {
      const { rows } = await client.query<
        TrustEventRow & {
          workstation_id: string | null;
          local_seq: string | null;
          local_hash: string | null;
          local_signature: string | null;
          local_workstation: string | null;
          local_host: string | null;
        }
      >('SELECT * FROM gatehouse.events ORDER BY seq');
      const chain = verifyTrustChain(rows);
      const local = db
        .prepare<
          [],
          {
            seq: number;
            hash: string;
            signature: string | null;
            workstation: string | null;
            host: string | null;
          }
        >('SELECT seq, hash, signature, workstation, host FROM audit_events ORDER BY seq')
        .all();
      const anchors = rows.filter((r) => r.workstation_id === link.workstationId);
      let problem: string | null = null;
      anchors.forEach((anchor, index) => {
        const mine = local[index];
        if (problem) return;
        if (!mine || Number(anchor.local_seq) !== mine.seq) {
          problem = `Local event ${index + 1} is anchored out of order or more than once (found ${String(anchor.local_seq)}).`;
        } else if (anchor.local_hash !== mine.hash) {
          problem = `Local event ${mine.seq} does not match its anchor in the Trust chain: this workstation's chain was altered or restored from an old backup.`;
        } else if ((anchor.local_signature ?? null) !== (mine.signature ?? null)) {
          problem = `Local event ${mine.seq} carries a different signature from its anchor in the Trust chain: its signature was altered here or on the way.`;
        } else if (
          (anchor.local_workstation ?? null) !== (mine.workstation ?? null) ||
          (anchor.local_host ?? null) !== (mine.host ?? null)
        ) {
          problem = `Local event ${mine.seq} says it was made elsewhere than its anchor in the Trust chain does: where it was made was altered here or on the way.`;
        }
      });
      return {
        trustChain: { valid: chain.valid, events: chain.count, head: chain.head, problem: chain.problem },
        workstation: {
          localEvents: local.length,
          anchored: anchors.length,
          pending: Math.max(0, local.length - anchors.length),
          problem,
        },
      };
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};
