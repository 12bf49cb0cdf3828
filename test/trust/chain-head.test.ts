/**
 * The Trust chain's head on paper and at the command line (issue 11 §3): a joined workstation's
 * report PDF prints the head it last pulled, and `gatehouse audit verify` prints the Trust chain's
 * verdict and head beside the local chain's; when the register cannot be reached it says so and still
 * checks the local chain (a local failure still fails; unreachable alone does not).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initStore, runGatehouse } from '../support/run-cli';
import { postgresMissing } from '../support/postgres';
import { signedInCore, tempDir } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';
import { dropTriggers, rehashFrom } from '../security/insider';

const ADA = { name: 'Ada Admin', passphrase: 'lantern orchard quietly 42' };

describe.skipIf(postgresMissing)('the Trust chain head on reports and in audit verify', () => {
  let server: TrustServer;
  let owner: pg.Client;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_cli', 'gatehouse_administrator', ADA.passphrase);
    owner = await server.client();
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    server?.stop();
  });

  /** A store made and joined with the CLI ("Ada Admin", whom the register knows as ada_cli). */
  function joinedStore(): { dir: string; asAda: string[] } {
    const dir = tempDir();
    const asAda = initStore(dir);
    const url = server.url('ada_cli', 'x').replace(/:x@/, '@');
    const joined = runGatehouse(['connect', '--postgres', url, '--ca', server.cluster.caFile, ...asAda]);
    expect(joined.code, joined.stderr).toBe(0);
    return { dir, asAda };
  }

  /** What this replica last pulled, read from its store. */
  async function pulledHead(dir: string): Promise<{ seq: number; hash: string }> {
    const core = await signedInCore(join(dir, 'store'), ADA);
    const value = (key: string) =>
      (
        core.session.store!.db.prepare('SELECT value FROM trust_state WHERE key = ?').get(key) as {
          value: string;
        }
      ).value;
    const head = { seq: Number(value('cursor')), hash: value('headHash') };
    core.session.end('signed-out');
    core.close();
    return head;
  }

  it('prints on every page of a report PDF the Trust head this workstation last pulled, and verify --against the PDF still holds', async () => {
    const { dir, asAda } = joinedStore();
    const pdf = join(dir, 'accounts.pdf');
    const made = runGatehouse(['report', 'accounts', '--format', 'pdf', '--out', pdf, ...asAda]);
    expect(made.code, made.stderr).toBe(0);
    const head = await pulledHead(dir);
    expect(head.seq).toBeGreaterThan(0);
    // The head is the register's own event at that sequence, not something the workstation made up.
    const { rows } = await owner.query('SELECT hash FROM gatehouse.events WHERE seq = $1', [head.seq]);
    expect(rows).toEqual([{ hash: head.hash }]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const line = `Trust register head as last pulled: event ${head.seq}, hash ${head.hash}`;
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page).toContain(line);

    const verified = runGatehouse(['audit', 'verify', '--against', pdf, ...asAda]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('The store holds every anchored head (1 file).');
  }, 120_000);

  it('audit verify prints the Trust chain verdict and head beside the local chain, and fails on a rewritten history the local chain alone cannot see', async () => {
    const { dir, asAda } = joinedStore();
    expect(runGatehouse(['sync', ...asAda]).code).toBe(0);
    const verified = runGatehouse(['audit', 'verify', ...asAda]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const last = (await owner.query('SELECT seq::int, hash FROM gatehouse.events ORDER BY seq DESC LIMIT 1'))
      .rows[0] as { seq: number; hash: string };
    expect(verified.stdout).toMatch(
      /^Audit chain intact: \d+ events, each signed by its operator, head [0-9a-f]{64}\./,
    );
    expect(verified.stdout).toContain(
      `Trust chain: valid (${last.seq} events, head event ${last.seq}, hash ${last.hash})`,
    );
    expect(verified.stdout).toMatch(/This workstation: \d+ of \d+ events anchored once/);
    const json = JSON.parse(runGatehouse(['audit', 'verify', '--json', ...asAda]).stdout);
    expect(json).toMatchObject({
      valid: true,
      trust: { checked: true, ok: true, trustChain: { valid: true }, workstation: { problem: null } },
    });
    expect(json.trust.trustChain.head.seq).toBeGreaterThanOrEqual(last.seq);

    // Ada rewrites an anchored event of her own and re-signs the rest: locally it all fits again,
    // but the Trust chain still holds what was first written.
    const core = await signedInCore(join(dir, 'store'), ADA);
    const store = core.session.store!;
    const triggers = store.db
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'`)
      .pluck()
      .all() as string[];
    dropTriggers(store.db);
    store.db.prepare(`UPDATE audit_events SET reason = 'nothing to see' WHERE seq = 2`).run();
    rehashFrom(store.db, 2, store.signingKey);
    for (const sql of triggers) store.db.exec(sql); // and puts the triggers back as shipped
    core.session.end('signed-out');
    core.close();
    const rewritten = runGatehouse(['audit', 'verify', ...asAda]);
    expect(rewritten.code, rewritten.stdout + rewritten.stderr).toBe(1);
    expect(rewritten.stdout).toMatch(/^Audit chain intact/);
    expect(rewritten.stdout).toContain('Local event 2 does not match its anchor in the Trust chain');
  }, 180_000);

  it('says when the register cannot be reached, prints the head last pulled, and still fails on a broken local chain', async () => {
    const { dir, asAda } = joinedStore();
    const head = await pulledHead(dir);
    server.cluster.stopServer();
    try {
      const offline = runGatehouse(['audit', 'verify', ...asAda]);
      // Unreachable alone is not a failure: the local chain was checked, and the output says the
      // Trust chain was not.
      expect(offline.code, offline.stdout + offline.stderr).toBe(0);
      expect(offline.stdout).toMatch(/^Audit chain intact/);
      expect(offline.stdout).toContain('Trust chain NOT CHECKED (the Trust register cannot be reached)');
      expect(offline.stdout).toContain(
        `The Trust chain head last pulled here: event ${head.seq}, hash ${head.hash}.`,
      );
      const json = JSON.parse(runGatehouse(['audit', 'verify', '--json', ...asAda]).stdout);
      expect(json.trust).toMatchObject({ checked: false, reachable: false, lastPulled: head });

      const core = await signedInCore(join(dir, 'store'), ADA);
      dropTriggers(core.session.store!.db);
      core.session.store!.db.prepare(`UPDATE audit_events SET reason = 'nothing to see' WHERE seq = 2`).run();
      core.session.end('signed-out');
      core.close();
      const broken = runGatehouse(['audit', 'verify', ...asAda]);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/^Audit chain BROKEN at event 2/);
      expect(broken.stdout).toContain('Trust chain NOT CHECKED (the Trust register cannot be reached)');
    } finally {
      server.cluster.startServer();
    }
  }, 180_000);
});
