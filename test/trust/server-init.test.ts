/**
 * `server init` (issue 11 §1): sets up the schema once, a second run changes nothing, and a server
 * set up by a newer Gatehouse is refused with a sentence, untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initServer, serverSchemaVersion } from '../../electron/trust/server/init-server';
import { SERVER_MIGRATIONS } from '../../electron/trust/server/migrations/index';
import { runGatehouse } from '../support/run-cli';
import { postgresMissing } from '../support/postgres';
import { startTrustServer, type TrustServer } from '../support/trust-server';

describe.skipIf(postgresMissing)('gatehouse server init', () => {
  let server: TrustServer;
  beforeAll(async () => {
    server = await startTrustServer();
  }, 120_000);
  afterAll(() => server?.stop());

  it('is at the latest version once set up, and running it again applies nothing', async () => {
    const client = await server.client();
    try {
      expect(await serverSchemaVersion(client)).toBe(SERVER_MIGRATIONS.length);
      await expect(initServer(client)).resolves.toEqual({
        from: SERVER_MIGRATIONS.length,
        to: SERVER_MIGRATIONS.length,
        applied: [],
      });
    } finally {
      await client.end();
    }
  });

  it('refuses a server schema newer than this Gatehouse, changing nothing', async () => {
    const client = await server.client();
    try {
      await expect(initServer(client, SERVER_MIGRATIONS.slice(0, 2))).rejects.toThrow(
        /set up by a newer Gatehouse \(server schema 6; this version knows 2\)/,
      );
      expect(await serverSchemaVersion(client)).toBe(SERVER_MIGRATIONS.length);
    } finally {
      await client.end();
    }
  });

  it('the command line sets up a fresh database over verified TLS, and refuses a plain connection', async () => {
    const setup = await server.cluster.superClient();
    await setup.query('CREATE DATABASE second OWNER gatehouse_owner');
    await setup.end();
    const url = server.url().replace(/\/gatehouse$/, '/second');
    const first = await runGatehouse([
      'server',
      'init',
      '--postgres',
      url,
      '--ca',
      server.cluster.caFile,
      '--json',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ from: 0, to: SERVER_MIGRATIONS.length });
    const again = await runGatehouse(['server', 'init', '--postgres', url, '--ca', server.cluster.caFile]);
    expect(again.stdout).toMatch(/already at schema 6/);
    const plain = await runGatehouse(['server', 'init', '--postgres', `${url}?sslmode=disable`]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/only over TLS/);
  });
});
