/**
 * The API as the renderer sees it, derived from the contract and grouped by domain
 * (`api.session.signIn`, `api.operators.add`), and the pure helper that builds it over any transport.
 */
import {
  CHANNEL_NAMES,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from './contract';
import type { Envelope } from './errors';

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type ActionOf<C, D extends string> = C extends `${D}:${infer A}` ? A : never;
export type Domain = DomainOf<ChannelName>;

type Channel<D extends string, A extends string> = Extract<ChannelName, `${D}:${A}`>;

export type GatehouseApi = {
  [D in Domain]: {
    [A in ActionOf<ChannelName, D>]: (
      input: ChannelInput<Channel<D, A>>,
    ) => Promise<Envelope<ChannelOutput<Channel<D, A>>>>;
  };
};

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** What a host provides: one call and one subscription, both already bound to the contract. */
export interface Transport {
  invoke(channel: ChannelName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export interface GatehouseBridge {
  api: GatehouseApi;
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}

export function buildApi(transport: Transport): GatehouseBridge {
  const api: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [domain, action] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][action] = (input: unknown) => transport.invoke(channel, input);
  }
  return {
    api: api as unknown as GatehouseApi,
    on: (event, listener) =>
      transport.subscribe(event, (payload) => listener(payload as Parameters<typeof listener>[0])),
  };
}
