/**
 * A SCRAM-SHA-256 verifier (RFC 5802/7677, PostgreSQL's stored format) for an operator's passphrase,
 * made on the workstation so the passphrase itself never travels to the server or its logs: the
 * server keeps only this verifier and proves each sign-in against it.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

const ITERATIONS = 4096;

export function scramVerifier(
  password: string,
  salt: Buffer = randomBytes(16),
  iterations = ITERATIONS,
): string {
  // PostgreSQL applies SASLprep; NFKC normalisation is its main effect for ordinary passphrases.
  const salted = pbkdf2Sync(Buffer.from(password.normalize('NFKC'), 'utf8'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** The PostgreSQL login Gatehouse makes for an operator: fixed by their id, never reused. */
export function operatorLogin(operatorId: string): string {
  return `gh_${operatorId.replace(/[^0-9a-z]/gi, '').toLowerCase()}`.slice(0, 63);
}
