/**
 * Operator management reaches PostgreSQL (issue 11 §1): adding an operator on a connected
 * workstation makes their own login (in their role's group) from a verifier, the outbox never
 * holding the passphrase; revoking them ends that login at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { operatorLogin } from '../../electron/trust/scram-verifier';
import { postgresMissing } from '../support/postgres';
import { activeAdminCore, ADMIN, must, signedInCore } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const ROSALIND = { name: 'Rosalind Franklin', passphrase: 'helix photograph fifty one' };

describe.skipIf(postgresMissing)('operators on a connected workstation', () => {
  let server: TrustServer;
  let a: Core;
  let dir: string;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-ops-')); // kept for both tests (tempDir's go after each)
    a = await activeAdminCore(dir);
    await must(a, 'sync:connect', {
      url: server.url('ada_admin', 'x').replace(/:x@/, '@'),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
  }, 120_000);
  afterAll(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function groupsOf(login: string, password: string): Promise<string[]> {
    const client = new pg.Client({
      connectionString: server.url(login, password),
      ssl: { ca: server.cluster.ca },
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ rolname: string }>(
        `SELECT rolname FROM pg_roles WHERE pg_has_role(session_user, oid, 'MEMBER') AND rolname LIKE 'gatehouse\\_%'`,
      );
      return rows.map((r) => r.rolname);
    } finally {
      await client.end();
    }
  }

  it('add makes their login from a verifier; revoke ends it', async () => {
    const added = await must<{ id: string }>(a, 'operators:add', { ...ROSALIND, role: 'ra-officer' });
    const login = operatorLogin(added.id);
    expect(await groupsOf(login, ROSALIND.passphrase)).toEqual(['gatehouse_ra_officer']);
    const kept = a.session.store!.db.prepare('SELECT input_json FROM outbox').all() as {
      input_json: string;
    }[];
    expect(kept.map((k) => k.input_json).join('\n')).not.toContain(ROSALIND.passphrase);
    expect(kept.map((k) => k.input_json).join('\n')).toContain('SCRAM-SHA-256$4096:');

    await must(a, 'operators:revoke', { id: added.id, reason: 'Left the RA team' });
    await expect(groupsOf(login, ROSALIND.passphrase)).rejects.toThrow(/not permitted to log in/);
    const owner = await server.client();
    const { rows } = await owner.query(
      'SELECT status, login, signing_public_key FROM gatehouse.operators WHERE id = $1',
      [added.id],
    );
    const { rows: recorded } = await owner.query<{ after_json: string }>(
      `SELECT after_json FROM gatehouse.events WHERE action = 'operator.added' AND subject_id = $1`,
      [added.id],
    );
    await owner.end();
    // Their public key reaches the register, beside them and in the trail's record of it (issue 10 §1).
    const { signing_public_key: key } = a.session
      .store!.db.prepare('SELECT signing_public_key FROM operators WHERE id = ?')
      .get(added.id) as { signing_public_key: string };
    expect(key).toMatch(/\S/);
    expect(rows).toEqual([{ status: 'revoked', login, signing_public_key: key }]);
    expect(recorded.map((r) => (JSON.parse(r.after_json) as { signingKey: string }).signingKey)).toEqual([
      key,
    ]);
  });

  it('a passphrase change reaches the register: the new one signs in there, the old no longer; offline it is refused', async () => {
    const next = 'quiet lantern harbour 2027';
    await must(a, 'session:changePassphrase', { current: ADMIN.passphrase, next });
    expect(await groupsOf('ada_admin', next)).toEqual(['gatehouse_administrator']);
    await expect(groupsOf('ada_admin', ADMIN.passphrase)).rejects.toThrow(/password authentication failed/);
    // The workstation syncs with the new one at once.
    expect(await must<{ reachable: boolean }>(a, 'sync:now')).toMatchObject({ reachable: true });

    server.cluster.stopServer();
    try {
      const offline = await a.call('session:changePassphrase', {
        current: next,
        next: 'another passphrase entirely 9',
      });
      expect(offline).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      server.cluster.startServer();
    }
    expect(await groupsOf('ada_admin', next)).toEqual(['gatehouse_administrator']);
  }, 60_000);

  it('an auditor syncs too: they read the register, and their events wait for the next writer to carry them up', async () => {
    const ida = { name: 'Ida Auditor', passphrase: 'ledger window autumn 31' };
    await must(a, 'operators:add', { ...ida, role: 'auditor' });
    const auditor = await signedInCore(dir, ida);
    expect(await must<{ reachable: boolean }>(auditor, 'sync:now')).toMatchObject({ reachable: true });
    const verdict = await must<{ trustChain: { valid: boolean }; workstation: { pending: number } }>(
      auditor,
      'sync:verify',
    );
    expect(verdict.trustChain.valid).toBe(true);
    expect(verdict.workstation.pending).toBeGreaterThan(0);
  }, 60_000);
});
