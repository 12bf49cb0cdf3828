/**
 * Issue 10 §1: the append-only triggers are checked against what Gatehouse ships, and the
 * `INSERT OR REPLACE` route past the DELETE trigger is closed. Replays of an insider who opened the
 * database with their own passphrase and Gatehouse's own code.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChainStatus } from '../../shared/model';
import { checkDatabase } from '../../electron/services/maintenance';
import { runGatehouse, initStore } from '../support/run-cli';
import { must, signedInCore, tempDir } from '../support/temp-core';
import { contentOf, dropTriggers, rehashFrom, storeWithInsider } from './insider';

const TRIGGERS = [
  'audit_events_extend_chain',
  'audit_events_no_delete',
  'audit_events_no_replace',
  'audit_events_no_update',
];

describe('the append-only triggers (issue 10 §1, REP-3)', () => {
  it('refuses INSERT OR REPLACE and REPLACE INTO with an existing event’s hash', async () => {
    const { bea, db } = await storeWithInsider();
    const head = db.prepare('SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1').get() as Record<
      string,
      unknown
    >;
    const victim = db.prepare('SELECT * FROM audit_events WHERE seq = 2').get() as Record<string, unknown>;
    const count = db.prepare('SELECT count(*) FROM audit_events').pluck().get();
    for (const verb of ['INSERT OR REPLACE INTO', 'REPLACE INTO']) {
      // A row that extends the chain (passes the shipped insert trigger) but reuses event 2's hash:
      // REPLACE would delete event 2 without firing the DELETE trigger.
      expect(() =>
        db
          .prepare(
            `${verb} audit_events (seq, at, action, prev_hash, hash) VALUES (?, ?, 'settings.changed', ?, ?)`,
          )
          .run((head.seq as number) + 1, head.at, head.hash, victim.hash),
      ).toThrow(/cannot replace one another/);
    }
    expect(db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(count);
    expect(db.prepare('SELECT hash FROM audit_events WHERE seq = 2').pluck().get()).toBe(victim.hash);
    bea.close();
  });

  it('reports every dropped trigger, in verify and in the integrity check', async () => {
    const { bea, db } = await storeWithInsider();
    dropTriggers(db);
    const verdict = await must<ChainStatus>(bea, 'audit:verify');
    expect(verdict.valid).toBe(false);
    for (const name of TRIGGERS) {
      expect(verdict.problems).toContain(
        `The append-only trigger ${name} on audit_events is missing: someone has dropped it, so events could have been changed or deleted.`,
      );
    }
    const report = checkDatabase(db);
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.includes('is missing'))).toHaveLength(TRIGGERS.length);
    bea.close();
  });

  it('reports a trigger altered to do nothing', async () => {
    const { bea, db } = await storeWithInsider();
    db.exec(`DROP TRIGGER audit_events_no_delete;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events WHEN 0
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only: they cannot be deleted'); END;`);
    const verdict = await must<ChainStatus>(bea, 'audit:verify');
    expect(verdict.problems).toEqual([
      'The append-only trigger audit_events_no_delete on audit_events is not as Gatehouse ships it: it has been altered.',
    ]);
    bea.close();
  });

  it('catches an event edited and the rest re-hashed: the others’ signatures no longer fit', async () => {
    const { bea, db } = await storeWithInsider();
    dropTriggers(db);
    // Bea rewrites Ada's settings change (the newest event Ada signed) and re-hashes from there.
    const target = db
      .prepare(`SELECT seq FROM audit_events WHERE action = 'settings.updated' ORDER BY seq DESC LIMIT 1`)
      .pluck()
      .get() as number;
    const content = contentOf(db, target);
    db.prepare('UPDATE audit_events SET after_json = ? WHERE seq = ?').run(
      JSON.stringify({ ...(content.after as object), idleLockMinutes: 120 }),
      target,
    );
    rehashFrom(db, target, bea.session.store!.signingKey);
    const verdict = await must<ChainStatus>(bea, 'audit:verify');
    expect(verdict.valid).toBe(false);
    expect(verdict.firstBad?.seq).toBe(target);
    expect(verdict.firstBad?.problem).toMatch(
      /in the name of Ada Administrator does not carry their signature/,
    );
    bea.close();
  });

  it('makes `gatehouse audit verify` exit 1 naming the dropped triggers', async () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const core = await signedInCore(join(dir, 'store'), {
      name: 'Ada Admin',
      passphrase: 'lantern orchard quietly 42',
    });
    dropTriggers(core.session.store!.db);
    await must(core, 'session:signOut');
    core.close();
    const run = runGatehouse(['audit', 'verify', ...flags]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The append-only trigger audit_events_no_delete on audit_events is missing');
  });
});
