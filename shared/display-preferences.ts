/**
 * The workstation's own display preferences (issue 12 §1): the window's size and place, the last
 * screen, how each table is sorted. They live outside the encrypted store and say nothing about
 * people: a screen is remembered only by its top-level path (never /people/<id>), a sort only by a
 * column's id. The renderer is untrusted, so what it may change is this closed list, checked by
 * these schemas in main, each change small.
 */
import { z } from 'zod';

/** The two IPC channels of the desktop app's preload, apart from the contract's: not core calls. */
export const DISPLAY_PREFERENCE_CHANNELS = {
  get: 'display-preferences:get',
  set: 'display-preferences:set',
} as const;

/** What the renderer reaches them through, in Electron (`window.gatehouseDisplay`) and in a browser. */
export interface DisplayPreferencesBridge {
  get(): Promise<RendererPreferences>;
  /** False when the change was refused (an unknown key, too large). */
  set(update: DisplayPreferenceUpdate): Promise<boolean>;
}

/** Tables whose sorting is remembered, by the id the screen gives them. */
export const SORTABLE_TABLES = ['requests'] as const;
export type SortableTable = (typeof SORTABLE_TABLES)[number];

/** A top-level screen ("/", "/requests"): one path segment, so it can never name a record. */
const screenPath = z.string().regex(/^\/[a-z-]{0,30}$/);

const tableSort = z.strictObject({
  column: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/),
  descending: z.boolean(),
});
export type TableSort = z.infer<typeof tableSort>;

const coordinate = z.number().int().min(-100_000).max(100_000);
export const windowBoundsSchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/** What the renderer may read: its own two preferences, not the window's place. */
export const rendererPreferencesSchema = z.strictObject({
  lastScreen: screenPath.nullable(),
  tableSort: z.partialRecord(z.enum(SORTABLE_TABLES), tableSort),
});
export type RendererPreferences = z.infer<typeof rendererPreferencesSchema>;

/** Everything kept: the file's whole content. */
export const displayPreferencesSchema = rendererPreferencesSchema.extend({
  window: windowBoundsSchema.nullable(),
});
export type DisplayPreferences = z.infer<typeof displayPreferencesSchema>;

export const NO_DISPLAY_PREFERENCES: DisplayPreferences = { lastScreen: null, tableSort: {}, window: null };

/** One change the renderer may ask for. */
export const displayPreferenceUpdateSchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('lastScreen'), value: screenPath }),
  z.strictObject({ key: z.literal('tableSort'), table: z.enum(SORTABLE_TABLES), value: tableSort }),
]);
export type DisplayPreferenceUpdate = z.infer<typeof displayPreferenceUpdateSchema>;

/** No honest update comes near this; anything larger is refused before it is parsed. */
export const MAX_UPDATE_BYTES = 512;

/** The update the renderer sent, or null when it is not one of the known keys at a known size. */
export function readUpdate(input: unknown): DisplayPreferenceUpdate | null {
  let size: number;
  try {
    size = JSON.stringify(input ?? null).length;
  } catch {
    return null;
  }
  if (size > MAX_UPDATE_BYTES) return null;
  const parsed = displayPreferenceUpdateSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

export function applyUpdate<T extends RendererPreferences>(
  preferences: T,
  update: DisplayPreferenceUpdate,
): T {
  return update.key === 'lastScreen'
    ? { ...preferences, lastScreen: update.value }
    : { ...preferences, tableSort: { ...preferences.tableSort, [update.table]: update.value } };
}

/** What the renderer is told: the window's place stays in main. */
export function rendererView(preferences: RendererPreferences): RendererPreferences {
  return { lastScreen: preferences.lastScreen, tableSort: preferences.tableSort };
}
