/**
 * An operator's passphrase is also their PostgreSQL password, so on a connected workstation a
 * passphrase change happens online: the new SCRAM verifier is set on their login first (with the
 * current passphrase), then their local key slot is re-wrapped. Offline it is refused, with why.
 */
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { scramVerifier } from './scram-verifier';
import { openTrust } from './sync-engine';
import { readTrustLink } from './trust-state';

export async function changeTrustPassword(
  db: Db,
  operatorId: string,
  current: string,
  next: string,
): Promise<void> {
  const link = readTrustLink(db);
  const login = db
    .prepare<[string], { login: string | null }>('SELECT login FROM operators WHERE id = ?')
    .get(operatorId)?.login;
  if (!link || !login) return;
  let client;
  try {
    client = await openTrust(link.url, link.ca, login, current);
  } catch (error) {
    throw new GatehouseError(
      'UNAVAILABLE',
      'Your passphrase is also your login to the Trust register, so it can be changed only while the register can be reached. Try again when this workstation is connected.',
      { cause: error },
    );
  }
  try {
    await client.query(`ALTER ROLE CURRENT_USER PASSWORD ${client.escapeLiteral(scramVerifier(next))}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
