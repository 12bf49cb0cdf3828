/**
 * The main window opens where it was last closed, unless that place is no longer on any screen (a
 * monitor unplugged, a laptop undocked): then it opens at the default size, centred. Pure, so a
 * test can check it without Electron.
 */
import type { WindowBounds } from '../shared/display-preferences';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW = { width: 1280, height: 840, minWidth: 900, minHeight: 600 } as const;

/** How much of the window must be on one screen's work area for it to be found and moved. */
const VISIBLE = 100;

export function restoredBounds(saved: WindowBounds | null, workAreas: readonly Area[]): WindowBounds | null {
  if (!saved) return null;
  const onScreen = workAreas.some((area) => {
    const across = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const down = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    return across >= VISIBLE && down >= VISIBLE;
  });
  if (!onScreen) return null;
  return {
    ...saved,
    width: Math.max(saved.width, DEFAULT_WINDOW.minWidth),
    height: Math.max(saved.height, DEFAULT_WINDOW.minHeight),
  };
}
