/**
 * Connecting to the Trust register: always TLS, the server's certificate verified against the
 * Trust's CA (or the system's trusted CAs when none is given), never a plain connection whatever the
 * URL says. Each operator connects with their own login; no shared password is kept anywhere.
 */
import pg from 'pg';
import { GatehouseError } from '../store/errors';

export interface TrustTarget {
  /** postgres://[user@]host[:port]/database; any password in it is used, never saved. */
  url: string;
  /** PEM of the CA that signed the server's certificate, or null for the system's trusted CAs. */
  ca: string | null;
}

/** SSL settings in a URL would override ours in `pg`: they are dropped, TLS is always verified. */
const URL_TLS_PARAMS = ['sslmode', 'ssl', 'sslcert', 'sslkey', 'sslrootcert', 'uselibpqcompat'];

export function parseTrustUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GatehouseError(
      'INVALID_INPUT',
      'That is not a PostgreSQL address. Give it as postgres://USER@HOST:PORT/DATABASE.',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new GatehouseError(
      'INVALID_INPUT',
      'The Trust register address must start with postgres://, e.g. postgres://USER@HOST:5432/gatehouse.',
    );
  }
  if (['disable', 'allow', 'prefer'].includes(parsed.searchParams.get('sslmode') ?? '')) {
    throw new GatehouseError(
      'INVALID_INPUT',
      'Gatehouse connects to the Trust register only over TLS with the server certificate verified; remove sslmode from the address.',
    );
  }
  for (const name of URL_TLS_PARAMS) parsed.searchParams.delete(name);
  return parsed;
}

/** The address without its password, as it is saved and shown. */
export function displayUrl(url: string): string {
  const parsed = parseTrustUrl(url);
  parsed.password = '';
  return parsed.toString();
}

export function clientConfig(
  target: TrustTarget,
  login?: { user: string; password: string },
): pg.ClientConfig {
  const parsed = parseTrustUrl(target.url);
  // Built from the parts, not given as a connection string: pg lets a string's parts override ours.
  return {
    host: decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 5432,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined,
    user: login?.user ?? (decodeURIComponent(parsed.username) || undefined),
    password: login?.password ?? (parsed.password ? decodeURIComponent(parsed.password) : undefined),
    ssl: { rejectUnauthorized: true, ...(target.ca ? { ca: target.ca } : {}) },
    connectionTimeoutMillis: 10_000,
    application_name: 'gatehouse',
  };
}

/** A sentence for why the register could not be reached, from pg's or TLS's error. */
export function describeConnectError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/password authentication failed/.test(message))
    return 'The Trust register did not accept the login and passphrase. Check both, or ask the Trust’s database administrator whether your login exists.';
  if (/certificate|self.signed|unable to verify|altnames/i.test(message))
    return `The Trust register’s TLS certificate could not be verified (${message}). Check the Trust's CA certificate you gave and the server name in the address.`;
  if (/no pg_hba\.conf entry/.test(message))
    return 'The Trust register refused this connection (pg_hba.conf): ask its database administrator to allow TLS connections from this workstation.';
  if (
    /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|timeout|terminated|Connection ended|socket/i.test(
      message,
    )
  )
    return `The Trust register cannot be reached (${message}). Check the network, or work on offline and sync later.`;
  return `The Trust register refused the connection: ${message}`;
}

/** Connect, turning failures into a GatehouseError a person can act on. */
export async function connect(config: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new GatehouseError('UNAVAILABLE', describeConnectError(error), { cause: error });
  }
}
