/**
 * The one way the renderer reaches main: in Electron the preload's `window.gatehouse`, in a browser
 * the same API built over HTTP. Both are derived from the contract.
 */
import { buildApi, type GatehouseBridge } from '../../shared/api';
import { webTransport } from './web-transport';

declare global {
  interface Window {
    gatehouse?: GatehouseBridge;
  }
}

export const bridge: GatehouseBridge = window.gatehouse ?? buildApi(webTransport());
export const api = bridge.api;
