/**
 * The browser host: the built renderer and the same router over HTTP, for end-to-end tests and for
 * users without the Electron binary. Listens on 127.0.0.1 only. The printed URL carries a one-time
 * token that is swapped for an HttpOnly, SameSite=Strict session cookie; every other request needs
 * that cookie. A Host header other than 127.0.0.1/localhost is refused (DNS rebinding), as is a
 * cross-origin POST; no CORS headers are ever sent.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES } from '../../shared/contract';
import { LARGEST_CONTENT_LIMIT } from '../../shared/contract-limits';
import { failure } from '../../shared/errors';
import type { Core } from '../core';
import { serveStatic } from './static-files';
import { startTrustWatcher } from '../trust/watcher';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COOKIE = 'gatehouse_session';
/**
 * The largest request the contract can accept: its largest file, every character of which takes at
 * most three bytes as UTF-8 or as a JSON escape of a quote or line break, and room for the rest of the call.
 */
export const MAX_BODY_BYTES = LARGEST_CONTENT_LIMIT * 3 + 1024 * 1024;
const TOO_LARGE = `The file is larger than ${LARGEST_CONTENT_LIMIT / 1_000_000} MB, the most Gatehouse accepts in one file; split it and import each part.`;

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return undefined;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendFailure(response: ServerResponse, status: number, message: string): void {
  send(response, status, 'application/json', JSON.stringify(failure('INVALID_INPUT', message)));
}

/**
 * The request's body, or null when it is larger than any call the contract accepts. A larger body is
 * read to its end and dropped, not cut off: a browser that is still sending sees a reset connection,
 * not the answer, if the host stops reading.
 */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The path with its percent-escapes decoded, or null when they are malformed. */
function decodedPath(url: URL): string | null {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

export async function startWebHost(
  core: Core,
  options: {
    port: number;
    staticDir: string;
    /** How often the Trust register watcher polls when no notification came (its default otherwise). */
    syncPollMs?: number;
  },
): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  let tokenUsed = false;
  let port = options.port;

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    })) {
      response.setHeader(name, value);
    }
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      send(response, 403, 'text/plain; charset=utf-8', 'Gatehouse answers only on 127.0.0.1 or localhost.');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const presented = url.searchParams.get('token');
    if (presented !== null) {
      if (!tokenUsed && sameSecret(presented, token)) {
        tokenUsed = true;
        response.writeHead(303, {
          'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/',
          'Cache-Control': 'no-store',
        });
        response.end();
        return;
      }
      send(
        response,
        401,
        'text/plain; charset=utf-8',
        'This Gatehouse link has already been used. Start "gatehouse web" again for a new one.',
      );
      return;
    }
    const cookie = cookieValue(request);
    if (cookie === undefined || !sameSecret(cookie, secret)) {
      send(
        response,
        401,
        'text/plain; charset=utf-8',
        'Open the address that "gatehouse web" printed; it signs this browser in.',
      );
      return;
    }
    const origin = request.headers.origin;
    if (
      request.method !== 'GET' &&
      origin !== undefined &&
      !allowedHosts.map((h) => `http://${h}`).includes(origin)
    ) {
      send(response, 403, 'text/plain; charset=utf-8', 'Cross-origin requests are refused.');
      return;
    }
    void handle(request, response, url).catch((error: unknown) => {
      core.log(
        `Unexpected failure in the browser host (${request.method ?? 'request'} ${url.pathname})`,
        error,
      );
      if (!response.headersSent)
        send(response, 500, 'text/plain; charset=utf-8', 'Gatehouse could not answer.');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const path = decodedPath(url);
    if (path === null) {
      sendFailure(response, 400, 'The address was not understood. Open Gatehouse from its start page.');
      return;
    }
    if (path.startsWith('/api/')) {
      if (request.method !== 'POST') {
        send(response, 405, 'text/plain; charset=utf-8', 'Use POST.');
        return;
      }
      const body = await readBody(request);
      if (body === null) {
        sendFailure(response, 413, TOO_LARGE);
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        sendFailure(response, 400, 'The request was not valid JSON.');
        return;
      }
      const result = await core.call(path.slice('/api/'.length), input);
      send(response, 200, 'application/json', JSON.stringify(result));
      return;
    }
    if (path === '/events') {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      const unsubscribe = EVENT_NAMES.map((event) =>
        core.events.on(event, (payload) =>
          response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`),
        ),
      );
      const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
      request.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe.forEach((off) => off());
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Not allowed.');
      return;
    }
    serveStatic(options.staticDir, path, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const stopIdleTimer = core.startIdleTimer();
  const trustWatcher = startTrustWatcher(core, options.syncPollMs);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        stopIdleTimer();
        trustWatcher.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
