/**
 * The Electron host. Reads as a table of contents: security first, then the core, the window, IPC
 * and events. Everything Gatehouse does happens in the core; this file only connects it to a window.
 */
import { app, BrowserWindow, ipcMain, screen } from 'electron';
import { join } from 'node:path';
import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/contract';
import { DISPLAY_PREFERENCE_CHANNELS } from '../shared/display-preferences';
import { failure } from '../shared/errors';
import { type Core, createCore } from './core';
import { type DisplayPreferencesStore, openDisplayPreferences } from './display-preferences-file';
import { startReaderService } from './smartcard/pcsc';
import { platformDataDir, resolveDataDir } from './store/paths';
import { isTrustedSender } from './ipc-sender';
import { DEFAULT_WINDOW, restoredBounds } from './window-bounds';
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

/** The window opens where it was last closed (issue 12 §1), and remembers its place when closed. */
function createMainWindow(display: DisplayPreferencesStore): BrowserWindow {
  const saved = restoredBounds(
    display.read().window,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(saved
      ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
      : { width: DEFAULT_WINDOW.width, height: DEFAULT_WINDOW.height }),
    minWidth: DEFAULT_WINDOW.minWidth,
    minHeight: DEFAULT_WINDOW.minHeight,
    title: 'Gatehouse',
    show: false,
    webPreferences: mainWindowPreferences(PRELOAD),
  });
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    display.rememberWindow({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadFile(RENDERER_INDEX);
  return window;
}

/** The renderer's two display preferences, from the app's own page only; main checks every change. */
function registerDisplayPreferences(display: DisplayPreferencesStore, window: BrowserWindow): void {
  ipcMain.handle(DISPLAY_PREFERENCE_CHANNELS.get, (event) =>
    isTrustedSender(event, window.webContents, RENDERER_INDEX) ? display.forRenderer() : null,
  );
  ipcMain.handle(
    DISPLAY_PREFERENCE_CHANNELS.set,
    (event, input: unknown) =>
      isTrustedSender(event, window.webContents, RENDERER_INDEX) && display.updateFromRenderer(input).ok,
  );
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
    const dataDir = resolveDataDir(dataDirFromArgs(process.argv), process.env, () => platformDataDir());
    const core = createCore({
      dataDir,
      host: 'electron',
      smartcard: readers.ok ? readers.service : null,
    });
    const stopIdleTimer = core.startIdleTimer();
    const trustWatcher = startTrustWatcher(core);
    // Beside the encrypted store, never in it: nothing about people (issue 12 §1).
    const display = openDisplayPreferences(dataDir);
    const window = createMainWindow(display);
    registerChannels(core, window);
    registerDisplayPreferences(display, window);
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
