/**
 * The preload exposes one object, `window.gatehouse`: the API grouped by domain, built from the
 * contract, and a subscription to the contract's events. Nothing else crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/api';
import { type ChannelName, EVENT_NAMES, type EventName } from '../shared/contract';
import type { Envelope } from '../shared/errors';

const bridge = buildApi({
  invoke: (channel: ChannelName, input: unknown) =>
    ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
});

contextBridge.exposeInMainWorld('gatehouse', bridge);
