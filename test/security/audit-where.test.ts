/**
 * Issue 12 §5: every new audit event records where it was made (the workstation and the host kind),
 * hashed and signed with it; events from before keep their hashes and still verify; changing where a
 * stored event was made breaks verification at that event.
 */
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEvent, ChainStatus } from '../../shared/model';
import type { Db } from '../../electron/store/database';
import { initStore, runGatehouse } from '../support/run-cli';
import { activeAdminCore, must, signedInCore, tempDir } from '../support/temp-core';
import { dropTriggers } from './insider';
import { LEGACY_OPERATORS, legacyStore } from './legacy-store';

const ADA = { name: 'Ada Admin', passphrase: 'lantern orchard quietly 42' };

/** An insider's edit with the append-only triggers put back as shipped, so only the chain can tell. */
function editBehindTriggers(db: Db, sql: string, ...params: unknown[]): void {
  const triggers = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'`)
    .pluck()
    .all() as string[];
  dropTriggers(db);
  db.prepare(sql).run(...params);
  for (const trigger of triggers) db.exec(trigger);
}

describe('where each audit event was made (issue 12 §5)', () => {
  it('an event made through the command line says cli and the workstation, in the list and the export', async () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const file = join(dir, 'people.csv');
    writeFileSync(file, 'name,employment type\nGrace Hopper,permanent\n');
    const added = runGatehouse(['people', 'import', '--file', file, ...flags]);
    expect(added.code, added.stderr).toBe(0);
    const core = await signedInCore(join(dir, 'store'), ADA);
    const { events } = await must<{ events: AuditEvent[] }>(core, 'audit:list', { action: 'person.added' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subjectLabel: 'Grace Hopper', workstation: hostname(), host: 'cli' });
    // This core's own events say so too: each host records itself.
    const mine = await must<{ events: AuditEvent[] }>(core, 'audit:list', {
      action: 'session.signed-in',
      limit: 1,
    });
    expect(mine.events[0]).toMatchObject({ action: 'session.signed-in', host: 'test' });
    expect(await must<ChainStatus>(core, 'audit:verify')).toMatchObject({ valid: true, problems: [] });
    const exported = await must<{ content: string }>(core, 'audit:export', { fileName: 'audit.jsonl' });
    const lines = exported.content
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEvent);
    expect(lines.find((e) => e.action === 'person.added')).toMatchObject({
      workstation: hostname(),
      host: 'cli',
    });
    core.close();
  });

  it('still verifies events written before where was recorded, and records it on the next', async () => {
    const dir = tempDir();
    const { events: old } = await legacyStore(dir);
    const [ada] = LEGACY_OPERATORS;
    const core = await signedInCore(dir, { name: ada.name, passphrase: ada.passphrase });
    expect(await must<ChainStatus>(core, 'audit:verify')).toMatchObject({ valid: true, problems: [] });
    const { events } = await must<{ events: AuditEvent[] }>(core, 'audit:list', { limit: 500 });
    const bySeq = [...events].sort((a, b) => a.seq - b.seq);
    for (const event of bySeq.slice(0, old)) expect(event).toMatchObject({ workstation: null, host: null });
    for (const event of bySeq.slice(old))
      expect(event).toMatchObject({ workstation: hostname(), host: 'test' });
    core.close();
  });

  it('changing where a stored event was made breaks verification at that event', async () => {
    const core = await activeAdminCore();
    await must(core, 'people:create', { name: 'Grace Hopper', employmentType: 'permanent' });
    const db = core.session.store!.db;
    const seq = db
      .prepare(`SELECT seq FROM audit_events WHERE action = 'person.added'`)
      .pluck()
      .get() as number;
    editBehindTriggers(db, 'UPDATE audit_events SET workstation = ? WHERE seq = ?', 'SOMEONE-ELSES-PC', seq);
    const moved = await must<ChainStatus>(core, 'audit:verify');
    expect(moved.valid).toBe(false);
    expect(moved.firstBad).toEqual({
      seq,
      problem: `Event ${seq} was changed after it was written: its content no longer matches its hash.`,
    });
    // Nor can it be passed off as an event from before where was recorded.
    editBehindTriggers(db, 'UPDATE audit_events SET workstation = NULL, host = NULL WHERE seq = ?', seq);
    expect((await must<ChainStatus>(core, 'audit:verify')).firstBad?.seq).toBe(seq);
    editBehindTriggers(
      db,
      `UPDATE audit_events SET workstation = ?, host = 'web' WHERE seq = ?`,
      hostname(),
      seq,
    );
    expect((await must<ChainStatus>(core, 'audit:verify')).firstBad?.seq).toBe(seq);
    core.close();
  });
});
