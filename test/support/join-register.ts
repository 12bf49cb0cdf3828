// Kept apart from trust-server.ts: that file is shared with the Playwright suite, which must not
// load the core (the core imports package.json, which Playwright's ESM loader refuses).
import type { Clock } from '../../electron/clock';
import type { Core } from '../../electron/core';
import { activeAdminCore, ADMIN, must, signedInCore, tempDir } from './temp-core';

/**
 * Another workstation joining the register: a new store whose administrator is ADMIN joins, which
 * brings the whole register down and signs them out; they sign in again as the Trust's.
 */
export async function joinAsAdmin(
  url: string,
  ca: string,
  dir: string = tempDir(),
  clock?: Clock,
): Promise<Core> {
  const joining = await activeAdminCore(dir, clock);
  await must(joining, 'sync:connect', { url, ca, passphrase: ADMIN.passphrase });
  return signedInCore(dir, ADMIN, clock);
}
