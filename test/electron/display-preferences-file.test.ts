/**
 * The workstation's display preferences (issue 12 §1): kept in their own small file outside the
 * encrypted store, changed by the renderer only through known keys at known sizes, and never able
 * to hold anything about a person.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_PREFERENCES_FILE, openDisplayPreferences } from '../../electron/display-preferences-file';
import { restoredBounds } from '../../electron/window-bounds';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'gatehouse-display-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const onDisk = () => JSON.parse(readFileSync(join(folder, DISPLAY_PREFERENCES_FILE), 'utf8')) as unknown;

describe('display preferences file', () => {
  it('starts empty, and keeps the last screen, a table’s sorting and the window across openings', () => {
    const first = openDisplayPreferences(folder);
    expect(first.forRenderer()).toEqual({ lastScreen: null, tableSort: {} });
    expect(first.updateFromRenderer({ key: 'lastScreen', value: '/requests' })).toEqual({
      ok: true,
      value: { lastScreen: '/requests', tableSort: {} },
    });
    first.updateFromRenderer({
      key: 'tableSort',
      table: 'requests',
      value: { column: 'reference', descending: true },
    });
    first.rememberWindow({ x: 40, y: 30, width: 1100, height: 700, maximized: false });

    const again = openDisplayPreferences(folder);
    expect(again.read()).toEqual({
      lastScreen: '/requests',
      tableSort: { requests: { column: 'reference', descending: true } },
      window: { x: 40, y: 30, width: 1100, height: 700, maximized: false },
    });
    // The renderer is not told where the window is.
    expect(again.forRenderer()).toEqual({
      lastScreen: '/requests',
      tableSort: { requests: { column: 'reference', descending: true } },
    });
  });

  it('refuses what the renderer may not set, and writes nothing for it', () => {
    const store = openDisplayPreferences(folder);
    const refused = [
      // A record's address names a person: only top-level screens are remembered.
      { key: 'lastScreen', value: '/people/5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69' },
      { key: 'lastScreen', value: 'javascript:alert(1)' },
      { key: 'window', value: { x: 0, y: 0, width: 10, height: 10, maximized: false } },
      { key: 'tableSort', table: 'people', value: { column: 'name', descending: false } },
      { key: 'tableSort', table: 'requests', value: { column: 'x'.repeat(41), descending: false } },
      {
        key: 'tableSort',
        table: 'requests',
        value: { column: 'name', descending: false, note: 'Sam Patel' },
      },
      { key: 'lastScreen', value: '/requests', extra: 'x'.repeat(600) },
      'lastScreen',
      null,
    ];
    for (const input of refused) expect(store.updateFromRenderer(input)).toEqual({ ok: false });
    expect(() => onDisk()).toThrow(/ENOENT/);
  });

  it('ignores a file it cannot read or that fails the schema, rather than failing to start', () => {
    writeFileSync(join(folder, DISPLAY_PREFERENCES_FILE), '{ not json');
    expect(openDisplayPreferences(folder).read()).toEqual({ lastScreen: null, tableSort: {}, window: null });
    writeFileSync(
      join(folder, DISPLAY_PREFERENCES_FILE),
      JSON.stringify({ lastScreen: '/people/someone', tableSort: {}, window: null }),
    );
    const store = openDisplayPreferences(folder);
    expect(store.read().lastScreen).toBeNull();
    // And the next change writes a good file again.
    store.updateFromRenderer({ key: 'lastScreen', value: '/audit' });
    expect(onDisk()).toEqual({ lastScreen: '/audit', tableSort: {}, window: null });
  });
});

describe('restoring the window', () => {
  const laptop = [{ x: 0, y: 0, width: 1366, height: 728 }];
  const saved = { x: 1500, y: 100, width: 1200, height: 800, maximized: false };

  it('opens where it was when that place is still on a screen', () => {
    const twoScreens = [...laptop, { x: 1366, y: 0, width: 1920, height: 1040 }];
    expect(restoredBounds(saved, twoScreens)).toEqual(saved);
  });

  it('opens at the default place when the screen it was on is gone, or nothing was kept', () => {
    expect(restoredBounds(saved, laptop)).toBeNull();
    expect(restoredBounds(null, laptop)).toBeNull();
  });

  it('never opens smaller than the window’s minimum size', () => {
    expect(restoredBounds({ x: 0, y: 0, width: 300, height: 250, maximized: true }, laptop)).toEqual({
      x: 0,
      y: 0,
      width: 900,
      height: 600,
      maximized: true,
    });
  });
});
