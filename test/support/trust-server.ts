/**
 * A Trust register for tests: a throwaway cluster with a database owned by a Gatehouse owner login
 * (what the Trust's DBA creates), the schema set up by `initServer`, and helpers to add operator
 * logins and to run audited changes the way a workstation's push does.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { initServer } from '../../electron/trust/server/init-server';
import { type ClusterOptions, startCluster, type TestCluster } from './postgres';

export const DATABASE = 'gatehouse';

export interface TrustServer {
  cluster: TestCluster;
  owner: { user: string; password: string };
  /** A TLS client as `user` (the owner by default) to the gatehouse database. */
  client(user?: string, password?: string, port?: number): Promise<pg.Client>;
  url(user?: string, password?: string, port?: number): string;
  stop(): void;
}

export async function startTrustServer(options: ClusterOptions = {}): Promise<TrustServer> {
  const cluster = await startCluster(options);
  const owner = { user: 'gatehouse_owner', password: randomBytes(12).toString('base64url') };
  const setup = await cluster.superClient();
  try {
    await setup.query(`CREATE ROLE ${owner.user} LOGIN CREATEROLE PASSWORD '${owner.password}'`);
    await setup.query(`CREATE DATABASE ${DATABASE} OWNER ${owner.user}`);
  } finally {
    await setup.end();
  }
  const url = (user = owner.user, password = owner.password, port = cluster.port): string =>
    cluster.url(user, password, port).replace(/\/postgres$/, `/${DATABASE}`);
  const client = async (user?: string, password?: string, port?: number): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: url(user, password, port), ssl: { ca: cluster.ca } });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  const ownerClient = await client();
  try {
    await initServer(ownerClient);
  } finally {
    await ownerClient.end();
  }
  return { cluster, owner, client, url, stop: () => cluster.stop() };
}

/** A login in a Gatehouse group role (what operator add does in phase 3), created by the owner. */
export async function createLogin(
  server: TrustServer,
  login: string,
  group: 'gatehouse_administrator' | 'gatehouse_ra_officer' | 'gatehouse_auditor',
  password = randomBytes(12).toString('base64url'),
): Promise<{ user: string; password: string }> {
  const owner = await server.client();
  try {
    await owner.query(
      `CREATE ROLE ${login} LOGIN PASSWORD '${password.replace(/'/g, "''")}' IN ROLE ${group}`,
    );
  } finally {
    await owner.end();
  }
  return { user: login, password };
}

/** Run `work` and an audit event in one transaction, as every register change must (REP-3). */
export async function audited<T>(client: pg.Client, action: string, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const value = await work();
    const event = JSON.stringify({ at: '2026-11-23T09:00:00.000Z', action, operator_name: 'test' });
    // The event and the COMMIT in one round trip, as a push sends them (electron/trust/push.ts).
    await client.query(`SELECT * FROM gatehouse.append_event(${client.escapeLiteral(event)}::jsonb); COMMIT`);
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
