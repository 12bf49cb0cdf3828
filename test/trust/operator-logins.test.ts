/**
 * One PostgreSQL login per operator (issue 11 §1): made by an unscoped administrator through the
 * schema's functions from a SCRAM verifier (the passphrase never reaches the server), in the group
 * of their role; revoking ends their logins at once; they change their own passphrase there too.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorLogin, scramVerifier } from '../../electron/trust/scram-verifier';
import { postgresMissing } from '../support/postgres';
import { audited, createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const NOW = '2026-11-23T09:00:00.000Z';
const PASSPHRASE = 'copper kettle morning 77';

describe.skipIf(postgresMissing)('operator logins on the Trust register', () => {
  let server: TrustServer;
  let admin: pg.Client;
  let scoped: pg.Client;
  beforeAll(async () => {
    server = await startTrustServer();
    const a = await createLogin(server, 'first_admin', 'gatehouse_administrator');
    const s = await createLogin(server, 'scoped_admin', 'gatehouse_administrator');
    const owner = await server.client();
    await audited(owner, 'set-up', async () => {
      await owner.query(
        `INSERT INTO gatehouse.systems (id, name, administrator_title, contact_route, description, holds_patient_records,
           deletion_allowed, direct_care_only, inactivity_days, sla_target_days, sla_interim_days, procedure_location)
         VALUES ('rio', 'RiO', 'Admin', 'email', '', 1, 0, 0, 90, 1, 3, 'x')`,
      );
      await owner.query(
        `INSERT INTO gatehouse.operators (id, name, role, status, created_at, login) VALUES
           ('o-1', 'First', 'administrator', 'active', $1, 'first_admin'),
           ('o-2', 'Scoped', 'administrator', 'active', $1, 'scoped_admin')`,
        [NOW],
      );
      await owner.query(`INSERT INTO gatehouse.operator_systems VALUES ('o-2', 'rio')`);
    });
    await owner.end();
    admin = await server.client(a.user, a.password);
    scoped = await server.client(s.user, s.password);
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await scoped?.end();
    server?.stop();
  });

  async function signsIn(login: string, password: string): Promise<string[]> {
    const client = new pg.Client({
      connectionString: server.url(login, password),
      ssl: { ca: server.cluster.ca },
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ rolname: string }>(
        `SELECT rolname FROM pg_roles WHERE pg_has_role(session_user, oid, 'MEMBER') AND rolname LIKE 'gatehouse\\_%' ORDER BY 1`,
      );
      return rows.map((r) => r.rolname);
    } finally {
      await client.end();
    }
  }

  it('an administrator makes a login from a verifier; the operator signs in with their passphrase', async () => {
    const login = operatorLogin('3f2a9c1e-0000-4000-8000-00000000abcd');
    expect(login).toBe('gh_3f2a9c1e00004000800000000000abcd');
    await admin.query('SELECT gatehouse.create_operator_login($1, $2, $3)', [
      login,
      scramVerifier(PASSPHRASE),
      'ra-officer',
    ]);
    expect(await signsIn(login, PASSPHRASE)).toEqual(['gatehouse_ra_officer']);
    await expect(signsIn(login, 'not the passphrase')).rejects.toThrow(/password authentication failed/);

    // Re-scoped to another role: the groups follow. Revoked: no sign-in at all.
    await admin.query('SELECT gatehouse.set_operator_login($1, $2, true)', [login, 'auditor']);
    expect(await signsIn(login, PASSPHRASE)).toEqual(['gatehouse_auditor']);
    await admin.query('SELECT gatehouse.set_operator_login($1, $2, false)', [login, 'auditor']);
    await expect(signsIn(login, PASSPHRASE)).rejects.toThrow(/not permitted to log in/);
  });

  it('an operator changes their own passphrase on the server with a new verifier', async () => {
    const login = operatorLogin('b0b0b0b0-1111-4111-8111-111111111111');
    await admin.query('SELECT gatehouse.create_operator_login($1, $2, $3)', [
      login,
      scramVerifier(PASSPHRASE),
      'administrator',
    ]);
    const own = new pg.Client({
      connectionString: server.url(login, PASSPHRASE),
      ssl: { ca: server.cluster.ca },
    });
    await own.connect();
    const next = 'violet harbour evening 12';
    await own.query(`ALTER ROLE CURRENT_USER PASSWORD '${scramVerifier(next)}'`);
    await own.end();
    await expect(signsIn(login, PASSPHRASE)).rejects.toThrow(/password authentication failed/);
    expect(await signsIn(login, next)).toEqual(['gatehouse_administrator']);
  });

  it('only unscoped administrators manage logins, and only Gatehouse’s own', async () => {
    await expect(
      scoped.query('SELECT gatehouse.create_operator_login($1, $2, $3)', [
        'gh_abc',
        scramVerifier(PASSPHRASE),
        'administrator',
      ]),
    ).rejects.toThrow(/Only an administrator of every system/);
    await expect(
      admin.query('SELECT gatehouse.create_operator_login($1, $2, $3)', [
        'postgres2',
        scramVerifier(PASSPHRASE),
        'administrator',
      ]),
    ).rejects.toThrow(/Not a Gatehouse operator login/);
    await expect(
      admin.query('SELECT gatehouse.set_operator_login($1, $2, false)', ['first_admin', 'auditor']),
    ).rejects.toThrow(/Not a Gatehouse operator login/);
    await expect(
      admin.query('SELECT gatehouse.create_operator_login($1, $2, $3)', [
        'gh_plain',
        'plain text password',
        'auditor',
      ]),
    ).rejects.toThrow(/SCRAM verifier/);
  });
});
