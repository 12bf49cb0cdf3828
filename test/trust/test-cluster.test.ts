/**
 * The harness itself (issue 11 §4): a throwaway cluster that accepts only TLS with SCRAM, verified
 * against its own CA, and a proxy that cuts and restores the network.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOtherCa, postgresMissing, startCluster, type TestCluster } from '../support/postgres';
import { startProxy } from '../support/tcp-proxy';

describe.skipIf(postgresMissing)('throwaway PostgreSQL cluster', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  async function query(config: pg.ClientConfig): Promise<string> {
    const client = new pg.Client({ ...config, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ version: string }>('SELECT current_setting($1) AS version', [
        'server_version',
      ]);
      return rows[0]!.version;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  it('accepts TLS with SCRAM, the server certificate verified against the CA', async () => {
    const version = await query({ connectionString: cluster.url(), ssl: { ca: cluster.ca } });
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(15);
  });

  it('refuses a connection without TLS', async () => {
    await expect(query({ connectionString: cluster.url(), ssl: false })).rejects.toThrow(
      /no pg_hba.conf entry|SSL off/,
    );
  });

  it('refuses the server when its certificate is not from the CA given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-ca-'));
    try {
      const other = readFileSync(makeOtherCa(dir), 'utf8');
      await expect(query({ connectionString: cluster.url(), ssl: { ca: other } })).rejects.toThrow(
        /self.signed|unable to verify|certificate/i,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong password', async () => {
    await expect(
      query({ connectionString: cluster.url('postgres', 'not the password'), ssl: { ca: cluster.ca } }),
    ).rejects.toThrow(/password authentication failed/);
  });

  it('a proxy carries connections until cut, and again once restored', async () => {
    const proxy = await startProxy(cluster.port);
    try {
      const through = {
        connectionString: cluster.url(undefined, undefined, proxy.port),
        ssl: { ca: cluster.ca },
      };
      const held = new pg.Client(through);
      held.on('error', () => undefined);
      await held.connect();
      proxy.cut();
      await expect(held.query('SELECT 1')).rejects.toThrow();
      await expect(query(through)).rejects.toThrow();
      proxy.restore();
      await expect(query(through)).resolves.toMatch(/^\d+/);
    } finally {
      await proxy.close();
    }
  });

  it('comes back after a restart', async () => {
    cluster.restart();
    await expect(query({ connectionString: cluster.url(), ssl: { ca: cluster.ca } })).resolves.toMatch(
      /^\d+/,
    );
  }, 60_000);
});
