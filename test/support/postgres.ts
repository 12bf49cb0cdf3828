/**
 * A throwaway PostgreSQL cluster for one test file: Debian's PostgreSQL run as the postgres user
 * (it refuses root) on a folder it owns, a free loopback port, its socket in the same folder, TLS
 * with a throwaway CA, and pg_hba.conf allowing only TLS with SCRAM on 127.0.0.1 (plus the local
 * socket, with the superuser's password, for setting up). Never touches a cluster it did not start.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { faketimeEnv, TEST_NOW } from './test-clock';

const PG_BIN = process.env.GATEHOUSE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why the PostgreSQL tests cannot run here, or null when they can. In CI a missing server fails. */
export const postgresMissing: string | null = (() => {
  const missing = [join(PG_BIN, 'initdb'), '/usr/bin/openssl', '/usr/sbin/runuser'].filter(
    (path) => !existsSync(path),
  );
  if (missing.length === 0) return null;
  const reason = `PostgreSQL tests skipped: ${missing.join(', ')} missing (sudo build/install-system-deps.sh installs postgresql and openssl).`;
  if (process.env.CI) throw new Error(reason.replace('skipped', 'cannot run in CI'));
  console.warn(reason);
  return reason;
})();

export interface TestCluster {
  readonly port: number;
  readonly host: '127.0.0.1';
  /** PEM of the throwaway CA that signed the server's certificate. */
  readonly caFile: string;
  readonly ca: string;
  readonly superuser: { user: 'postgres'; password: string };
  /** A postgres:// URL over TLS for `user` (the superuser by default), to `port` (the server's by default). */
  url(user?: string, password?: string, port?: number): string;
  /** A client over the local socket as the superuser, for setting up and inspecting. */
  superClient(database?: string): Promise<pg.Client>;
  /** Stop and start again (a PostgreSQL restart mid-sync). */
  restart(): void;
  stopServer(): void;
  startServer(): void;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * openssl on a clock a year before the tests' now (libfaketime), so the certificates it makes are
 * valid from then for ten years: for processes on TEST_NOW, on the real date and a year ahead.
 */
function openssl(args: string[], cwd: string): void {
  const from = new Date(TEST_NOW.getTime() - 365 * 86_400_000);
  execFileSync('openssl', args, { cwd, stdio: 'pipe', env: { ...process.env, ...faketimeEnv(from) } });
}

/** A CA and a server certificate for 127.0.0.1 signed by it, made with openssl. */
function issue(dir: string, name: string): { caFile: string; cert: string; key: string } {
  const caKey = join(dir, `${name}.key`);
  const caFile = join(dir, `${name}.crt`);
  const key = join(dir, 'server.key');
  const cert = join(dir, 'server.crt');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      caKey,
      '-out',
      caFile,
      '-days',
      '3650',
      '-subj',
      `/CN=Gatehouse test ${name}`,
    ],
    dir,
  );
  openssl(['req', ...ec, '-keyout', key, '-out', join(dir, 'server.csr'), '-subj', '/CN=127.0.0.1'], dir);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName = IP:127.0.0.1\nbasicConstraints = CA:FALSE\n');
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      caFile,
      '-CAkey',
      caKey,
      '-CAcreateserial',
      '-out',
      cert,
      '-days',
      '3650',
      '-extfile',
      'san.ext',
    ],
    dir,
  );
  return { caFile, cert, key };
}

/** Only a CA (for the wrong-CA test). */
export function makeOtherCa(dir: string): string {
  const caFile = join(dir, 'other-ca.crt');
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, 'other-ca.key'),
      '-out',
      caFile,
      '-days',
      '3650',
      '-subj',
      '/CN=Another CA',
    ],
    dir,
  );
  return caFile;
}

/**
 * The environment PostgreSQL runs in: the Trust's server keeps the real clock, whatever clock the
 * test gives the workstation. Under `faketime` (the suite a year ahead) libfaketime's preload and
 * its shared state, owned by the test's user, would otherwise follow it into the `postgres` user's
 * processes, which may not open that state.
 */
function realClockEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'LD_PRELOAD' || key.startsWith('FAKETIME') || key === 'DONT_FAKE_MONOTONIC') delete env[key];
  }
  return env;
}

function asPostgres(command: string, args: string[]): void {
  execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args], {
    stdio: 'pipe',
    env: realClockEnv(),
  });
}

export interface ClusterOptions {
  /**
   * Keep PostgreSQL's own durability (fsync, synchronous_commit, full_page_writes on), as a Trust
   * runs its register: for the benchmarks, whose figures must be the ones a Trust would see.
   */
  durable?: boolean;
}

export async function startCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const tls = issue(dir, 'ca');
  writeFileSync(join(dir, 'pwfile'), `${password}\n`);
  execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  chmodSync(tls.key, 0o600);
  asPostgres('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    join(dir, 'pwfile'),
    '-A',
    'scram-sha-256',
    '-E',
    'UTF8',
    '--no-instructions',
  ]);
  const port = await freePort();
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    [
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${dir}'`,
      `ssl = on`,
      `ssl_cert_file = '${tls.cert}'`,
      `ssl_key_file = '${tls.key}'`,
      `password_encryption = 'scram-sha-256'`,
      // A throwaway cluster for the tests: durability is not what they are about.
      ...(options.durable ? [] : [`fsync = off`, `synchronous_commit = off`, `full_page_writes = off`]),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(data, 'pg_hba.conf'),
    [
      'local    all  postgres               scram-sha-256',
      'hostssl  all  all       127.0.0.1/32 scram-sha-256',
      '',
    ].join('\n'),
  );
  execFileSync('chown', ['-R', 'postgres:postgres', data]);
  const logFile = join(dir, 'server.log');
  const startServer = (): void =>
    asPostgres('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', 'start']);
  const stopServer = (): void => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  startServer();
  const ca = readFileSync(tls.caFile, 'utf8');

  return {
    port,
    host: '127.0.0.1',
    caFile: tls.caFile,
    ca,
    superuser: { user: 'postgres', password },
    url(user = 'postgres', pass = password, toPort = port) {
      return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${toPort}/postgres`;
    },
    async superClient(database = 'postgres') {
      const client = new pg.Client({ host: dir, port, user: 'postgres', password, database });
      await client.connect();
      return client;
    },
    restart() {
      stopServer();
      startServer();
    },
    stopServer,
    startServer,
    stop() {
      try {
        stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
