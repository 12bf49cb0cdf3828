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
        return await response.json();
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
