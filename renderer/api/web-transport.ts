/**
 * The browser host's transport: each call is a POST to /api/<channel> (the session cookie rides
 * along), and events arrive over one EventSource.
 */
import type { Transport } from '../../shared/api';
import type { EventName } from '../../shared/contract';
import { failure } from '../../shared/errors';

export function webTransport(base = ''): Transport {
  let source: EventSource | null = null;
  return {
    async invoke(channel, input) {
      try {
        const response = await fetch(`${base}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        if (response.status === 401) {
          return failure(
            'NOT_SIGNED_IN',
            'This browser is no longer connected. Start "gatehouse web" again and open its new address.',
          );
        }
        // The host answers every call, and every refusal of one (a request too large, an address not
        // understood), with an envelope whose message is a sentence: show that, whatever the status.
        if ((response.headers.get('Content-Type') ?? '').startsWith('application/json'))
          return await response.json();
        return failure('UNAVAILABLE', (await response.text()).slice(0, 500));
      } catch {
        return failure(
          'UNAVAILABLE',
          'Gatehouse is not answering. Check that "gatehouse web" is still running.',
        );
      }
    },
    subscribe(event: EventName, listener) {
      source ??= new EventSource(`${base}/events`);
      const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}
