/**
 * `server init` (issue 11 §1): sets up the schema once, a second run changes nothing, and a server
 * set up by a newer Gatehouse is refused with a sentence, untouched.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initServer, serverSchemaVersion } from '../../electron/trust/server/init-server';
import { SERVER_MIGRATIONS } from '../../electron/trust/server/migrations/index';
import { verifyTrustChain, type TrustEventRow } from '../../electron/trust/trust-chain';
import { runGatehouse } from '../support/run-cli';
import { postgresMissing } from '../support/postgres';
import { audited, startTrustServer, type TrustServer } from '../support/trust-server';

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
        `set up by a newer Gatehouse (server schema ${SERVER_MIGRATIONS.length}; this version knows 2)`,
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
    expect(again.stdout).toContain(`already at schema ${SERVER_MIGRATIONS.length};`);
    const plain = await runGatehouse(['server', 'init', '--postgres', `${url}?sslmode=disable`]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/only over TLS/);
  });

  it('step 7 keeps the chain the earlier steps made, and hashes the workstation signatures anchored after it', async () => {
    const setup = await server.cluster.superClient();
    await setup.query('CREATE DATABASE upgraded OWNER gatehouse_owner');
    await setup.end();
    const client = new pg.Client({
      connectionString: server.url().replace(/\/gatehouse$/, '/upgraded'),
      ssl: { ca: server.cluster.ca },
    });
    await client.connect();
    try {
      await initServer(client, SERVER_MIGRATIONS.slice(0, 6));
      await audited(client, 'before-signatures', async () => undefined);
      expect(await initServer(client, SERVER_MIGRATIONS.slice(0, 7))).toMatchObject({
        from: 6,
        applied: ['audit-signatures'],
      });
      await client.query('SELECT gatehouse.append_event($1)', [
        JSON.stringify({
          workstation_id: 'ws-1',
          local_seq: 1,
          local_hash: 'a'.repeat(64),
          local_signature: 'c2lnbmVk',
          at: '2026-11-23T09:00:00.000Z',
          action: 'person.created',
        }),
      ]);
      const { rows } = await client.query<TrustEventRow>('SELECT * FROM gatehouse.events ORDER BY seq');
      expect(rows.map((r) => r.local_signature)).toEqual([null, 'c2lnbmVk']);
      expect(verifyTrustChain(rows)).toMatchObject({ valid: true, count: 2 });
      const forged = rows.map((r) => (r.local_signature ? { ...r, local_signature: 'Zm9yZ2Vk' } : r));
      expect(verifyTrustChain(forged)).toMatchObject({
        valid: false,
        problem: expect.stringMatching(/event 2/),
      });
    } finally {
      await client.end();
    }
  });

  it('step 8 keeps the chain the earlier steps made, and hashes where each anchored event was made (issue 12 §5)', async () => {
    const setup = await server.cluster.superClient();
    await setup.query('CREATE DATABASE upgraded8 OWNER gatehouse_owner');
    await setup.end();
    const client = new pg.Client({
      connectionString: server.url().replace(/\/gatehouse$/, '/upgraded8'),
      ssl: { ca: server.cluster.ca },
    });
    await client.connect();
    const append = (event: Record<string, unknown>) =>
      client.query('SELECT gatehouse.append_event($1)', [
        JSON.stringify({ at: '2026-11-23T09:00:00.000Z', action: 'person.created', ...event }),
      ]);
    try {
      await initServer(client, SERVER_MIGRATIONS.slice(0, 7));
      await audited(client, 'before-where', async () => undefined);
      await append({
        workstation_id: 'ws-1',
        local_seq: 1,
        local_hash: 'a'.repeat(64),
        local_signature: 'c2ln',
      });
      expect(await initServer(client, SERVER_MIGRATIONS.slice(0, 8))).toMatchObject({
        from: 7,
        applied: ['audit-where'],
      });
      await append({
        workstation_id: 'ws-1',
        local_seq: 2,
        local_hash: 'b'.repeat(64),
        local_signature: 'c2lnbmVk',
        local_workstation: 'ws-1',
        local_host: 'cli',
      });
      const { rows } = await client.query<TrustEventRow>('SELECT * FROM gatehouse.events ORDER BY seq');
      expect(rows.map((r) => [r.local_workstation, r.local_host])).toEqual([
        [null, null],
        [null, null],
        ['ws-1', 'cli'],
      ]);
      // The events hashed before step 8 still verify under it, and so does the new one.
      expect(verifyTrustChain(rows)).toMatchObject({ valid: true, count: 3 });
      const moved = rows.map((r) => (r.local_host ? { ...r, local_workstation: 'OTHER-PC' } : r));
      expect(verifyTrustChain(moved)).toMatchObject({
        valid: false,
        problem: expect.stringMatching(/event 3/),
      });
      // A value cannot pass from one optional field to another unnoticed.
      const swapped = rows.map((r) =>
        r.local_host ? { ...r, local_signature: null, local_workstation: `${r.local_signature}` } : r,
      );
      expect(verifyTrustChain(swapped)).toMatchObject({ valid: false });
      const dropped = rows.map((r) =>
        r.local_host ? { ...r, local_workstation: null, local_host: null } : r,
      );
      expect(verifyTrustChain(dropped)).toMatchObject({ valid: false });
    } finally {
      await client.end();
    }
  });
  it('step 11 computes every hash the earlier steps made, so the chain still verifies, and its link check still refuses a forged event (issue 11 §5)', async () => {
    const setup = await server.cluster.superClient();
    await setup.query('CREATE DATABASE upgraded11 OWNER gatehouse_owner');
    await setup.end();
    const client = new pg.Client({
      connectionString: server.url().replace(/\/gatehouse$/, '/upgraded11'),
      ssl: { ca: server.cluster.ca },
    });
    await client.connect();
    let localSeq = 0;
    const append = (event: Record<string, unknown>) =>
      client.query('SELECT gatehouse.append_event($1)', [
        JSON.stringify({ at: '2026-11-23T09:00:00.000Z', action: 'person.created', ...event }),
      ]);
    const fromWorkstation = (extra: Record<string, unknown>) => {
      localSeq += 1;
      return append({
        workstation_id: 'ws-1',
        local_seq: localSeq,
        local_hash: String(localSeq).repeat(64).slice(0, 64),
        ...extra,
      });
    };
    // Every shape of event: nulls, each optional field, text that needs escaping and non-ASCII.
    const appendEachShape = async () => {
      await audited(client, 'plain', async () => undefined);
      await append({ subject_label: 'Zoë O’Brien\nline two \\ back', before_json: '{"a":1}', reason: '' });
      await fromWorkstation({ local_signature: 'c2ln' });
      await fromWorkstation({ local_signature: 'c2ln', local_workstation: 'ws-1', local_host: 'cli' });
      await fromWorkstation({ local_host: 'electron', command_id: 'cmd-1', operator_id: 'op-1' });
    };
    try {
      await initServer(client, SERVER_MIGRATIONS.slice(0, 10));
      await appendEachShape();
      expect(await initServer(client, SERVER_MIGRATIONS.slice(0, 11))).toMatchObject({
        from: 10,
        applied: ['event-hash-cached'],
      });
      // PL/pgSQL keeps its plan for the session; an SQL function was planned again in every transaction.
      const { rows: language } = await client.query<{ lanname: string }>(
        `SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
         WHERE p.oid = 'gatehouse.event_hash(gatehouse.events)'::regprocedure`,
      );
      expect(language).toEqual([{ lanname: 'plpgsql' }]);
      await appendEachShape();
      const { rows } = await client.query<TrustEventRow & { again: string }>(
        'SELECT e.*, gatehouse.event_hash(e) AS again FROM gatehouse.events e ORDER BY seq',
      );
      expect(rows).toHaveLength(10);
      // The hashes made before step 11 come out the same under it, and the whole chain verifies.
      expect(rows.filter((r) => r.again !== r.hash)).toEqual([]);
      expect(verifyTrustChain(rows)).toMatchObject({ valid: true, count: 10 });
      const last = rows.at(-1)!;
      await expect(
        client.query(
          `INSERT INTO gatehouse.events (seq, recorded_at, db_user, at, action, prev_hash, hash)
           VALUES ($1, $2, session_user, $2, 'forged', $3, $4)`,
          [Number(last.seq) + 1, '2026-11-23T09:00:00.000Z', last.hash, 'f'.repeat(64)],
        ),
      ).rejects.toThrow(/must extend the end of the chain/);
    } finally {
      await client.end();
    }
  });
});
