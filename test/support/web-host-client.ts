/** A browser host over a fresh store, and a plain HTTP client for it, for the host's tests. */
import { request } from 'node:http';
import { join } from 'node:path';
import { startWebHost, type WebHost } from '../../electron/hosts/web-host';
import { ROOT } from './run-cli';
import { newCore } from './temp-core';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let host: WebHost | null = null;

/** Stop the host the test started (call from afterEach). */
export async function stopHost(): Promise<void> {
  await host?.close();
  host = null;
}

/** Start a host and sign this client in with its one-time token; returns the session cookie. */
export async function startedHost() {
  host = await startWebHost(newCore(), { port: 0, staticDir: join(ROOT, 'dist', 'renderer') });
  const token = new URL(host.url).searchParams.get('token')!;
  const login = await send(host.port, `/?token=${token}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  return { url: host.url, port: host.port, token, login, cookie };
}
