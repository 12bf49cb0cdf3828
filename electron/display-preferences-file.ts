/**
 * Where the workstation's display preferences live (issue 12 §1): one small JSON file in the app's
 * own settings folder, beside (never inside) the encrypted store, since it holds nothing about
 * people. electron-store would do this job, but its only release wants Node 22 and it is not among
 * this project's dependencies; this is the same idea in a few lines, and plain Node, so tests run it
 * on a temporary folder. A file that cannot be read or fails the schema is ignored, never fatal:
 * losing a window size must not stop Gatehouse starting.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyUpdate,
  type DisplayPreferences,
  displayPreferencesSchema,
  NO_DISPLAY_PREFERENCES,
  readUpdate,
  type RendererPreferences,
  rendererView,
  type WindowBounds,
  windowBoundsSchema,
} from '../shared/display-preferences';

export const DISPLAY_PREFERENCES_FILE = 'display-preferences.json';

export interface DisplayPreferencesStore {
  read(): DisplayPreferences;
  /** What the renderer may see. */
  forRenderer(): RendererPreferences;
  /** A change sent by the renderer: applied only if it is a known key at a known size. */
  updateFromRenderer(input: unknown): { ok: true; value: RendererPreferences } | { ok: false };
  rememberWindow(bounds: WindowBounds): void;
}

export function openDisplayPreferences(folder: string): DisplayPreferencesStore {
  const file = join(folder, DISPLAY_PREFERENCES_FILE);
  const read = (): DisplayPreferences => {
    try {
      const parsed = displayPreferencesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : NO_DISPLAY_PREFERENCES;
    } catch {
      return NO_DISPLAY_PREFERENCES;
    }
  };
  const write = (preferences: DisplayPreferences) => {
    mkdirSync(folder, { recursive: true });
    // Write then rename: a crash mid-write leaves the old file, not half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(preferences, null, 2), { mode: 0o600 });
    renameSync(temporary, file);
  };
  return {
    read,
    forRenderer: () => rendererView(read()),
    updateFromRenderer(input) {
      const update = readUpdate(input);
      if (!update) return { ok: false };
      const next = applyUpdate(read(), update);
      write(next);
      return { ok: true, value: rendererView(next) };
    },
    rememberWindow(bounds) {
      write({ ...read(), window: windowBoundsSchema.parse(bounds) });
    },
  };
}
