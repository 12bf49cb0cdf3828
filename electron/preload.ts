/**
 * The preload exposes `window.gatehouse`: the API grouped by domain, built from the contract, and a
 * subscription to the contract's events; and `window.gatehouseDisplay`, the workstation's display
 * preferences (two calls, each change checked in main). Nothing else crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/api';
import { type ChannelName, EVENT_NAMES, type EventName } from '../shared/contract';
import {
  DISPLAY_PREFERENCE_CHANNELS,
  type DisplayPreferencesBridge,
  type RendererPreferences,
} from '../shared/display-preferences';
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

const display: DisplayPreferencesBridge = {
  get: () => ipcRenderer.invoke(DISPLAY_PREFERENCE_CHANNELS.get) as Promise<RendererPreferences>,
  set: (update) => ipcRenderer.invoke(DISPLAY_PREFERENCE_CHANNELS.set, update) as Promise<boolean>,
};
contextBridge.exposeInMainWorld('gatehouseDisplay', display);
