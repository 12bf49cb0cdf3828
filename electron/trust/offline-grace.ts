/**
 * The offline grace period (issue 11 §2): a workstation that has not reached the Trust register for
 * longer than this may not be signed in to until it reaches it again, so an operator revoked on the
 * register loses access everywhere within that time. Default 72 hours.
 */
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { describeConnectError } from './connection';
import { openTrust } from './sync-engine';
import { readTrustLink, writeTrustLink } from './trust-state';
import { offlineGraceHours } from './trust-settings';

export async function checkOfflineGrace(
  db: Db,
  operatorId: string,
  passphrase: string,
  now: Date,
): Promise<void> {
  const link = readTrustLink(db);
  if (!link) return;
  const hours = offlineGraceHours(db);
  const last = link.lastContact ? Date.parse(link.lastContact) : 0;
  if (now.getTime() - last <= hours * 3_600_000) return;
  const login = db
    .prepare<[string], { login: string | null }>('SELECT login FROM operators WHERE id = ?')
    .get(operatorId)?.login;
  const refuse = (why: string) =>
    new GatehouseError(
      'UNAVAILABLE',
      `This workstation has not reached the Trust register for more than ${hours} hours, so signing in needs it again (${why}). Connect to the Trust's network and try again.`,
    );
  if (!login) throw refuse('you have no login to it');
  try {
    const client = await openTrust(link.url, link.ca, login, passphrase);
    await client.end();
  } catch (error) {
    throw refuse(error instanceof GatehouseError ? error.message : describeConnectError(error));
  }
  writeTrustLink(db, { lastContact: now.toISOString() });
}
