import { describe, expect, it } from 'vitest';
import { hashEvent } from '../../../electron/store/audit-chain';
import { verifyAuditChain } from '../../../electron/store/audit-log';
import type { Db } from '../../../electron/store/database';
import { activeAdminCore, must } from '../../support/temp-core';

async function storeWithEvents(): Promise<{ db: Db; close: () => void }> {
  const core = await activeAdminCore();
  for (const name of ['Bea Bishop', 'Cal Crane', 'Dee Dorsey']) {
    await must(core, 'operators:add', { name, role: 'auditor', passphrase: 'seven quiet harbour lights' });
  }
  return { db: core.session.store!.db, close: () => core.close() };
}

/** What an attacker holding the key could do: drop the guards, then rewrite history. */
function dropGuards(db: Db): void {
  db.exec(`DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;
           DROP TRIGGER audit_events_extend_chain;`);
}

describe('the audit chain (REP-3)', () => {
  it('verifies an untouched chain and reports its head', async () => {
    const { db, close } = await storeWithEvents();
    const verdict = verifyAuditChain(db);
    expect(verdict.valid).toBe(true);
    // store created, first admin added, signed in, acknowledged, three operators added
    expect(verdict.count).toBe(7);
    expect(verdict.headHash).toMatch(/^[0-9a-f]{64}$/);
    close();
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    const { db, close } = await storeWithEvents();
    expect(() => db.prepare("UPDATE audit_events SET reason = 'x' WHERE seq = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(/append-only/);
    close();
  });

  it('refuses an insert that does not extend the end of the chain', async () => {
    const { db, close } = await storeWithEvents();
    expect(() =>
      db
        .prepare(
          `INSERT INTO audit_events (seq, at, action, prev_hash, hash) VALUES (999, '2026-01-01T00:00:00.000Z', 'forged', 'x', 'y')`,
        )
        .run(),
    ).toThrow(/extend the end of the chain/);
    close();
  });

  it('names the first edited event', async () => {
    const { db, close } = await storeWithEvents();
    dropGuards(db);
    db.prepare("UPDATE audit_events SET subject_label = 'Someone Else' WHERE seq = 4").run();
    expect(verifyAuditChain(db)).toMatchObject({
      valid: false,
      firstBad: { seq: 4, problem: expect.stringMatching(/changed after it was written/) },
    });
    close();
  });

  it('names the gap a deleted event leaves', async () => {
    const { db, close } = await storeWithEvents();
    dropGuards(db);
    db.prepare('DELETE FROM audit_events WHERE seq = 3').run();
    expect(verifyAuditChain(db)).toMatchObject({
      valid: false,
      firstBad: { seq: 4, problem: expect.stringMatching(/missing/) },
    });
    close();
  });

  it('finds an event inserted into the middle with a correctly computed hash', async () => {
    const { db, close } = await storeWithEvents();
    dropGuards(db);
    const max = (db.prepare('SELECT max(seq) AS m FROM audit_events').get() as { m: number }).m;
    for (let seq = max; seq >= 3; seq -= 1)
      db.prepare('UPDATE audit_events SET seq = seq + 1 WHERE seq = ?').run(seq);
    const prev = db.prepare('SELECT hash FROM audit_events WHERE seq = 2').get() as { hash: string };
    const content = {
      seq: 3,
      at: '2026-11-23T09:00:00.000Z',
      operatorId: null,
      operatorName: 'Forger',
      action: 'operator.added',
      subjectType: null,
      subjectId: null,
      subjectLabel: 'Ghost',
      reason: null,
      instructedBy: null,
      before: null,
      after: null,
    };
    db.prepare(
      `INSERT INTO audit_events (seq, at, operator_name, action, subject_label, prev_hash, hash) VALUES (3, ?, 'Forger', 'operator.added', 'Ghost', ?, ?)`,
    ).run(content.at, prev.hash, hashEvent(prev.hash, content));
    // The forged event carries no signature (issue 10 §1); the event after it no longer links.
    const verdict = verifyAuditChain(db);
    expect(verdict).toMatchObject({ valid: false, firstBad: { seq: 3 } });
    expect(verdict.problems.join(' ')).toMatch(/Event 4 does not follow/);
    close();
  });

  it('finds two events swapped', async () => {
    const { db, close } = await storeWithEvents();
    dropGuards(db);
    db.exec(`UPDATE audit_events SET seq = -1 WHERE seq = 5;
             UPDATE audit_events SET seq = 5 WHERE seq = 6;
             UPDATE audit_events SET seq = 6 WHERE seq = -1;`);
    expect(verifyAuditChain(db)).toMatchObject({ valid: false, firstBad: { seq: 5 } });
    close();
  });
});
