/**
 * The browser host accepts what the contract accepts (issue 9 §2: a 1.5 MB sign-in export once reset
 * the connection and the screen said "Gatehouse is not answering"), answers a larger request with
 * 413 and a sentence the renderer shows, and a malformed address with 400.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../electron/hosts/web-host';
import { webTransport } from '../../../renderer/api/web-transport';
import { contract } from '../../../shared/contract';
import { FILE_CHANNEL_LIMITS, LARGEST_CONTENT_LIMIT } from '../../../shared/contract-limits';
import { send, startedHost, stopHost } from '../../support/web-host-client';

afterEach(stopHost);

const TOO_LARGE =
  /^The file is larger than \d+ MB, the most Gatehouse accepts in one file; split it and import each part\.$/;

/** The sign-in activity import takes the largest file in the contract. */
const largest = 'activity:import';
const limit = FILE_CHANNEL_LIMITS.get(largest)!;

/** A sign-in export as a system writes it: quoted fields and line breaks, which JSON escapes. */
function exportOf(characters: number): string {
  const line = '"user.name","30/11/2026 09:15"\r\n';
  return line.repeat(Math.ceil(characters / line.length)).slice(0, characters);
}

function call(port: number, cookie: string, channel: string, input: unknown) {
  return send(port, `/api/${channel}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
  });
}

describe('the browser host’s limits', () => {
  it('passes the largest file the contract accepts to the router, which judges it', async () => {
    const { port, cookie } = await startedHost();
    const input = (content: string) => ({ systemId: 'rio', fileName: 'rio.csv', content });
    expect(limit.maxCharacters).toBe(LARGEST_CONTENT_LIMIT);
    const atLimit = await call(port, cookie, largest, input(exportOf(limit.maxCharacters)));
    // Valid input, judged by the router: only then does it ask who is calling.
    expect(atLimit.status).toBe(200);
    expect(JSON.parse(atLimit.body)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    const over = await call(port, cookie, largest, input(exportOf(limit.maxCharacters + 1)));
    // The contract's own sentence, naming the field as the screen does (issue 12 §4).
    expect(JSON.parse(over.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining(limit.tooLarge) },
    });
    expect(JSON.parse(over.body).error.message).not.toContain('content');
    expect(contract[largest].input.safeParse(input(exportOf(limit.maxCharacters))).success).toBe(true);
  }, 60_000);

  it('answers a request larger than any call with 413 and a sentence, which the web transport shows', async () => {
    const { port, cookie } = await startedHost();
    const reply = await send(port, '/api/activity:import', {
      method: 'POST',
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
      headers: { Cookie: cookie },
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(TOO_LARGE) },
    });

    // The renderer's own transport, with the session cookie a browser would send.
    const realFetch = globalThis.fetch;
    globalThis.fetch = (url, init) =>
      realFetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Cookie: cookie } });
    try {
      const answer = await webTransport(`http://127.0.0.1:${port}`).invoke('activity:import', {
        systemId: 'rio',
        fileName: 'huge.csv',
        content: exportOf(MAX_BODY_BYTES),
      });
      expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(TOO_LARGE) } });
    } finally {
      globalThis.fetch = realFetch;
    }
  }, 60_000);

  it('answers 400, not 500, to a malformed percent-encoding in the path', async () => {
    const { port, cookie } = await startedHost();
    for (const path of ['/api/%E0%A4%A', '/%E0%A4%A']) {
      const reply = await send(port, path, { method: 'POST', body: '{}', headers: { Cookie: cookie } });
      expect(reply.status, path).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const page = await send(port, '/%E0%A4%A', { headers: { Cookie: cookie } });
    expect(page.status).toBe(400);
  });
});
