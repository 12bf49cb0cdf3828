/**
 * A workstation whose chain no longer matches what the Trust register holds for it (issue 11 §3):
 * here an old copy of its data folder put back, as a restored old backup would be. The register is
 * not merged with it; the workstation keeps the alarm (every screen, `sync status`) until a sync
 * goes through cleanly, and its later changes stay on it.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync';
import { postgresMissing } from '../support/postgres';
import { activeAdminCore, ADMIN, must, signedInCore, tempDir } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

describe.skipIf(postgresMissing)('integrity alarm', () => {
  let server: TrustServer;
  let owner: pg.Client;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    owner = await server.client();
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    server?.stop();
  });

  it('an old copy of a workstation put back is refused at push and raised as an alarm, not merged', async () => {
    const dir = tempDir();
    const first = await activeAdminCore(dir);
    await must(first, 'sync:connect', {
      url: server.url('ada_admin', 'x').replace(/:x@/, '@'),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    await must(first, 'people:create', { name: 'Before The Copy', employmentType: 'bank' });
    first.close();
    const oldCopy = join(tempDir(), 'copy');
    cpSync(dir, oldCopy, { recursive: true });

    const later = await signedInCore(dir, ADMIN);
    await must(later, 'people:create', { name: 'After The Copy', employmentType: 'bank' });
    expect(await must<SyncStatus>(later, 'sync:status')).toMatchObject({ queued: 0, alarm: null });
    later.close();

    const restored = await signedInCore(oldCopy, ADMIN);
    const kept = await must<{ id: string }>(restored, 'people:create', {
      name: 'Made On The Old Copy',
      employmentType: 'bank',
    });
    const status = await must<SyncStatus>(restored, 'sync:status');
    expect(status.alarm).toMatch(/audit chain no longer matches what the Trust register holds for it/);
    expect(status.queued).toBe(1);
    const again = await restored.call('sync:now', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const { rows } = await owner.query('SELECT name FROM gatehouse.people ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['After The Copy', 'Before The Copy']);
    // Work made on the old copy is still on it: the evidence stays.
    expect(await must(restored, 'people:get', { id: kept.id })).toMatchObject({
      person: { name: 'Made On The Old Copy' },
    });
    restored.close();
  });
});
