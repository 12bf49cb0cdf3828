/**
 * The Electron host. Reads as a table of contents: security first, then the core, the window, IPC
 * and events. Everything Gatehouse does happens in the core; this file only connects it to a window.
 */
import { app, BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/contract';
import { failure } from '../shared/errors';
import { type Core, createCore } from './core';
import { startReaderService } from './smartcard/pcsc';
import { platformDataDir, resolveDataDir } from './store/paths';
import { isTrustedSender } from './ipc-sender';
import { mainWindowPreferences } from './window-preferences';
import { setupContentsSecurity, setupPermissionRefusal } from './window-security';
import { startTrustWatcher } from './trust/watcher';

const RENDERER_INDEX = join(__dirname, '..', 'renderer', 'index.html');
const PRELOAD = join(__dirname, 'preload.cjs');

function dataDirFromArgs(argv: string[]): string | undefined {
  const index = argv.indexOf('--data-dir');
  return index >= 0
    ? argv[index + 1]
    : argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    title: 'Gatehouse',
    show: false,
    webPreferences: mainWindowPreferences(PRELOAD),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(RENDERER_INDEX);
  return window;
}

function registerChannels(core: Core, window: BrowserWindow): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event, window.webContents, RENDERER_INDEX)) {
        return failure('FORBIDDEN', 'Requests are accepted only from the Gatehouse window.');
      }
      return core.call(channel, input);
    });
  }
}

function forwardEvents(core: Core, window: BrowserWindow): void {
  for (const event of EVENT_NAMES) {
    core.events.on(event, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(event, payload);
    });
  }
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  setupContentsSecurity();
  void app.whenReady().then(async () => {
    setupPermissionRefusal();
    const readers = await startReaderService();
    if (!readers.ok) console.error(`[gatehouse] ${readers.message}`);
    const core = createCore({
      dataDir: resolveDataDir(dataDirFromArgs(process.argv), process.env, () => platformDataDir()),
      host: 'electron',
      smartcard: readers.ok ? readers.service : null,
    });
    const stopIdleTimer = core.startIdleTimer();
    const trustWatcher = startTrustWatcher(core);
    const window = createMainWindow();
    registerChannels(core, window);
    forwardEvents(core, window);
    app.on('second-instance', () => window.focus());
    app.on('window-all-closed', () => {
      stopIdleTimer();
      trustWatcher.stop();
      if (readers.ok) readers.service.stop();
      core.close();
      app.quit();
    });
  });
}

start();
