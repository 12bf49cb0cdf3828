/**
 * The main window's web preferences: the renderer is untrusted (architecture.md). Kept apart from
 * main.ts, which needs Electron to run, so that a test can read them.
 */
import type { WebPreferences } from 'electron';

export function mainWindowPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    // A middle click must not open a link in a new window or tab: new windows are denied anyway,
    // and without the auxclick event a page cannot act on the middle button at all.
    disableBlinkFeatures: 'Auxclick',
  };
}
