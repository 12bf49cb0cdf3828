/** Issue 10 §1: each audit event is signed by the operator who caused it (REP-3). */
import { describe, expect, it } from 'vitest';
import type { ChainStatus } from '../../shared/model';
import { hashEvent } from '../../electron/store/audit-chain';
import { appendAuditEvent } from '../../electron/store/audit-log';
import { must } from '../support/temp-core';
import { TEST_NOW } from '../support/test-clock';
import { storeWithInsider } from './insider';

describe('signed audit events (issue 10 §1, REP-3)', () => {
  it('verifies a trail in which every operator signed their own events', async () => {
    const { bea } = await storeWithInsider();
    const verdict = await must<ChainStatus>(bea, 'audit:verify');
    expect(verdict).toMatchObject({ valid: true, problems: [], notes: [] });
    const unsigned = bea.session.store!.db.prepare(
      'SELECT count(*) FROM audit_events WHERE signature IS NULL',
    );
    expect(unsigned.pluck().get()).toBe(0);
    bea.close();
  });

  it('records each operator’s public key in the trail when they are added', async () => {
    const { bea, db } = await storeWithInsider();
    const added = db
      .prepare(
        `SELECT subject_label, after_json FROM audit_events WHERE action = 'operator.added' ORDER BY seq`,
      )
      .all() as { subject_label: string; after_json: string }[];
    const keys = db.prepare('SELECT name, signing_public_key FROM operators ORDER BY created_at').all() as {
      name: string;
      signing_public_key: string;
    }[];
    expect(added.map((e) => [e.subject_label, JSON.parse(e.after_json).signingKey])).toEqual(
      keys.map((k) => [k.name, k.signing_public_key]),
    );
    expect(keys.every((k) => /^[A-Za-z0-9_-]{43}$/.test(k.signing_public_key))).toBe(true);
    bea.close();
  });

  it('names an event written in another operator’s name without their passphrase, triggers in place', async () => {
    const { bea, db, ada } = await storeWithInsider();
    // Bea holds her own signing key only; she also points Ada's key in the operators table at hers.
    const beaKey = bea.session.store!.signingKey;
    const beaPublic = db.prepare('SELECT signing_public_key FROM operators WHERE id != ?').pluck().get(ada);
    db.prepare('UPDATE operators SET signing_public_key = ? WHERE id = ?').run(beaPublic, ada);
    const forged = appendAuditEvent(
      db,
      { id: ada, name: 'Ada Administrator' },
      TEST_NOW,
      { action: 'operator.revoked', subject: { type: 'operator', id: ada, label: 'Ada Administrator' } },
      beaKey,
      { workstation: 'bea-laptop', host: 'cli' },
    );
    const verdict = await must<ChainStatus>(bea, 'audit:verify');
    expect(verdict.valid).toBe(false);
    expect(verdict.firstBad).toEqual({
      seq: forged.seq,
      problem: `Event ${forged.seq} in the name of Ada Administrator does not carry their signature: it was written or changed without their passphrase.`,
    });
    bea.close();
  });

  it('names an unsigned event written straight into the table', async () => {
    const { bea, db } = await storeWithInsider();
    const head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    const content = {
      seq: head.seq + 1,
      at: TEST_NOW.toISOString(),
      operatorId: null,
      operatorName: 'Nobody',
      action: 'settings.changed',
      subjectType: null,
      subjectId: null,
      subjectLabel: null,
      reason: null,
      instructedBy: null,
      before: null,
      after: null,
    };
    db.prepare(
      `INSERT INTO audit_events (seq, at, operator_name, action, prev_hash, hash) VALUES (?, ?, 'Nobody', 'settings.changed', ?, ?)`,
    ).run(content.seq, content.at, head.hash, hashEvent(head.hash, content));
    const verdict = await must<ChainStatus>(bea, 'audit:verify');
    expect(verdict.firstBad).toEqual({
      seq: content.seq,
      problem: `Event ${content.seq} in the name of Nobody is not signed.`,
    });
    bea.close();
  });

  it('zeroes the signing key when the session locks', async () => {
    const { bea } = await storeWithInsider();
    const key = bea.session.store!.signingKey;
    expect(key.some((byte) => byte !== 0)).toBe(true);
    await must(bea, 'session:signOut');
    expect(key.every((byte) => byte === 0)).toBe(true);
    bea.close();
  });

  it('keeps the signing key across a passphrase change', async () => {
    const { bea, dir } = await storeWithInsider();
    await must(bea, 'session:changePassphrase', {
      current: 'seven quiet harbour lights',
      next: 'amber falcon meadow 77',
    });
    await must(bea, 'session:signOut');
    bea.close();
    const { signedInCore } = await import('../support/temp-core');
    const again = await signedInCore(dir, { name: 'Bea Bishop', passphrase: 'amber falcon meadow 77' });
    expect(await must<ChainStatus>(again, 'audit:verify')).toMatchObject({ valid: true });
    again.close();
  });
});

describe('the boundary of signatures (issue 10 §1)', () => {
  it('cannot be moved in meta to let unsigned events in after signatures began', async () => {
    const { bea, db } = await storeWithInsider();
    db.prepare(`UPDATE meta SET value = '1000000' WHERE key = 'audit_signed_from'`).run();
    const head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    const content = {
      seq: head.seq + 1,
      at: TEST_NOW.toISOString(),
      operatorId: null,
      operatorName: 'Nobody',
      action: 'settings.updated',
      subjectType: null,
      subjectId: null,
      subjectLabel: null,
      reason: null,
      instructedBy: null,
      before: null,
      after: null,
    };
    db.prepare(
      `INSERT INTO audit_events (seq, at, operator_name, action, prev_hash, hash) VALUES (?, ?, 'Nobody', 'settings.updated', ?, ?)`,
    ).run(content.seq, content.at, head.hash, hashEvent(head.hash, content));
    const verdict = await must<ChainStatus>(bea, 'audit:verify');
    expect(verdict.firstBad).toEqual({
      seq: content.seq,
      problem: `Event ${content.seq} in the name of Nobody is not signed.`,
    });
    bea.close();
  });
});

describe('the audit export (issue 10 §1)', () => {
  it('carries each event’s signature, so the export can be checked away from the store', async () => {
    const { bea } = await storeWithInsider();
    const { content } = await must<{ content: string }>(bea, 'audit:export', { fileName: 'audit.jsonl' });
    const events = content
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { hash: string; signature: string | null });
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => typeof e.signature === 'string' && e.signature.length === 88)).toBe(true);
    bea.close();
  });
});
