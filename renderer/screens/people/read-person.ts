/**
 * Reading a person's record records a view (USE-3), so a screen that is mounted twice in a row must
 * not read twice: React does exactly that in development (StrictMode mounts, unmounts and mounts
 * again) and may on a remount. A read still in flight for the same opening is shared, so one
 * opening is one read and one "Record viewed", however often React runs the effect.
 */
import type { ChannelOutput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import { api } from '../../api/bridge';

type PersonRecord = ChannelOutput<'people:get'>;

const inFlight = new Map<string, Promise<Envelope<PersonRecord>>>();

/** `opening` tells two openings apart (the record read again after an action is a new one). */
export function readPerson(id: string, viewer: string | undefined, opening: string) {
  const key = `${id}|${viewer ?? ''}|${opening}`;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const read = api.people.get({ id, viewer }).finally(() => inFlight.delete(key));
  inFlight.set(key, read);
  return read;
}
