/**
 * Where each event was made travels with it to the Trust register (issue 12 §5): each anchor carries
 * the local event's workstation and host, the Trust chain hashes them, and `sync:verify` names an
 * anchor that says otherwise than the local event.
 */
import { hostname } from 'node:os';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrustChain, type TrustEventRow } from '../../electron/trust/trust-chain';
import { postgresMissing } from '../support/postgres';
import { activeAdminCore, ADMIN, must } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

describe.skipIf(postgresMissing)('where each event was made, on the Trust register', () => {
  let server: TrustServer;
  let owner: pg.Client;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    owner = await server.client();
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    server?.stop();
  });

  it('anchors each event with its workstation and host, hashed in the Trust chain', async () => {
    const core = await activeAdminCore();
    await must(core, 'people:create', { name: 'Grace Hopper', employmentType: 'permanent' });
    await must(core, 'sync:connect', {
      url: server.url('ada_admin', 'x').replace(/:x@/, '@'),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    await must(core, 'people:create', { name: 'Alan Turing', employmentType: 'bank' });
    await must(core, 'sync:now');
    const db = core.session.store!.db;
    const workstationId = db
      .prepare(`SELECT value FROM trust_state WHERE key = 'workstationId'`)
      .pluck()
      .get();
    const { rows } = await owner.query<
      TrustEventRow & {
        subject_label: string | null;
        local_workstation: string | null;
        local_host: string | null;
      }
    >('SELECT * FROM gatehouse.events ORDER BY seq');
    const added = (name: string) => rows.find((r) => r.action === 'person.added' && r.subject_label === name);
    // Before joining the workstation was its host name; once joined, the Trust's id for it.
    expect(added('Grace Hopper')).toMatchObject({ local_workstation: hostname(), local_host: 'test' });
    expect(added('Alan Turing')).toMatchObject({ local_workstation: workstationId, local_host: 'test' });
    const local = db
      .prepare(`SELECT seq, workstation, host FROM audit_events WHERE subject_label = 'Alan Turing'`)
      .get() as { seq: number; workstation: string; host: string };
    expect(local).toMatchObject({ workstation: workstationId, host: 'test' });
    expect(Number(added('Alan Turing')!.local_seq)).toBe(local.seq);
    expect(verifyTrustChain(rows)).toMatchObject({ valid: true });
    const moved = rows.map((r) => (r === added('Alan Turing') ? { ...r, local_host: 'web' } : r));
    expect(verifyTrustChain(moved)).toMatchObject({ valid: false });
    expect(await must(core, 'sync:verify')).toMatchObject({
      trustChain: { valid: true },
      workstation: { problem: null },
    });
    // A superuser rewrites where an anchored event was made, around the append-only triggers.
    const admin = await server.cluster.superClient('gatehouse');
    try {
      await admin.query(`SET session_replication_role = replica`);
      await admin.query(`UPDATE gatehouse.events SET local_host = 'web' WHERE seq = $1`, [
        added('Alan Turing')!.seq,
      ]);
    } finally {
      await admin.end();
    }
    const verdict = await must<{ trustChain: { valid: boolean }; workstation: { problem: string | null } }>(
      core,
      'sync:verify',
    );
    expect(verdict.trustChain.valid).toBe(false);
    expect(verdict.workstation.problem).toBe(
      `Local event ${local.seq} says it was made elsewhere than its anchor in the Trust chain does: where it was made was altered here or on the way.`,
    );
    core.close();
  }, 120_000);
});
