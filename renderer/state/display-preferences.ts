/**
 * The workstation's display preferences as the screens use them (issue 12 §1): the last screen and
 * each table's sorting. In the desktop app main keeps them (`window.gatehouseDisplay`); in a browser
 * they stay in that browser's localStorage. Either way only the known keys are kept, checked by the
 * same schemas, and an unreadable answer is the same as none.
 */
import {
  applyUpdate,
  type DisplayPreferencesBridge,
  type RendererPreferences,
  readUpdate,
  rendererPreferencesSchema,
} from '../../shared/display-preferences';

declare global {
  interface Window {
    gatehouseDisplay?: DisplayPreferencesBridge;
  }
}

const NONE: RendererPreferences = { lastScreen: null, tableSort: {} };
export const LOCAL_STORAGE_KEY = 'gatehouse.display-preferences';

function checked(value: unknown): RendererPreferences {
  const parsed = rendererPreferencesSchema.safeParse(value);
  return parsed.success ? parsed.data : NONE;
}

/** The browser host's keeping: this browser's localStorage, under one key. */
export function localStoragePreferences(storage: Storage): DisplayPreferencesBridge {
  const read = () => {
    try {
      return checked(JSON.parse(storage.getItem(LOCAL_STORAGE_KEY) ?? 'null'));
    } catch {
      return NONE;
    }
  };
  return {
    get: () => Promise.resolve(read()),
    set: (input) => {
      const update = readUpdate(input);
      if (!update) return Promise.resolve(false);
      try {
        storage.setItem(LOCAL_STORAGE_KEY, JSON.stringify(applyUpdate(read(), update)));
        return Promise.resolve(true);
      } catch {
        // Storage full or disabled: a preference not kept is no reason to interrupt the operator.
        return Promise.resolve(false);
      }
    },
  };
}

function bridge(): DisplayPreferencesBridge {
  if (window.gatehouseDisplay) {
    const desktop = window.gatehouseDisplay;
    return { get: async () => checked(await desktop.get()), set: (update) => desktop.set(update) };
  }
  return localStoragePreferences(window.localStorage);
}

export const displayPreferences: DisplayPreferencesBridge = bridge();
