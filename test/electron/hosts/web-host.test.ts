import { afterEach, describe, expect, it } from 'vitest';
import { send, startedHost, stopHost } from '../../support/web-host-client';

afterEach(stopHost);
const started = startedHost;

describe('the browser host', () => {
  it('listens on 127.0.0.1 and swaps the one-time token for an HttpOnly, SameSite=Strict cookie', async () => {
    const { login, port, token, url } = await started();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(login.status).toBe(303);
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await send(port, `/?token=${token}`)).status).toBe(401);
  });

  it('refuses requests without the cookie', async () => {
    const { port } = await started();
    expect((await send(port, '/')).status).toBe(401);
    expect((await send(port, '/api/session:status', { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('refuses a Host other than 127.0.0.1 or localhost', async () => {
    const { port, cookie } = await started();
    const reply = await send(port, '/', { headers: { Host: `attacker.example:${port}`, Cookie: cookie } });
    expect(reply.status).toBe(403);
  });

  it('refuses a cross-origin POST and sends no CORS headers', async () => {
    const { port, cookie } = await started();
    const reply = await send(port, '/api/session:status', {
      method: 'POST',
      body: '{}',
      headers: { Cookie: cookie, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
    });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the renderer with a strict CSP and answers the contract over POST', async () => {
    const { port, cookie } = await started();
    const page = await send(port, '/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const status = await send(port, '/api/session:status', {
      method: 'POST',
      body: '{}',
      headers: { Cookie: cookie },
    });
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { state: 'first-run' } });
    const unknown = await send(port, '/api/people:dropAll', {
      method: 'POST',
      body: '{}',
      headers: { Cookie: cookie },
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const badJson = await send(port, '/api/session:status', {
      method: 'POST',
      body: '{nope',
      headers: { Cookie: cookie },
    });
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never serves files outside the renderer folder', async () => {
    const { port, cookie } = await started();
    for (const path of ['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      expect((await send(port, path, { headers: { Cookie: cookie } })).status).toBe(404);
    }
  });
});
