/**
 * Electron's own hardening (issue 9 §6): the fuses electron-builder flips in the packaged binary,
 * and the main window's web preferences. Electron cannot run on this machine, so the configuration
 * and the preferences are read as written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainWindowPreferences } from '../../electron/window-preferences';
import { ROOT } from '../support/run-cli';

/** The `electronFuses:` mapping of electron-builder.yml: flat `key: value` lines, indented under it. */
function fuses(): Record<string, unknown> {
  const lines = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line === 'electronFuses:');
  if (start < 0) return {};
  const entries: [string, unknown][] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}([A-Za-z]+): (\S+)$/.exec(line);
    if (!match) break;
    entries.push([match[1]!, JSON.parse(match[2]!)]);
  }
  return Object.fromEntries(entries);
}

describe('Electron hardening', () => {
  it('packages Electron with its fuses set', () => {
    expect(fuses()).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('opens the window isolated and sandboxed, with the Auxclick Blink feature disabled', () => {
    const preferences = mainWindowPreferences('/app/preload.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(preferences.disableBlinkFeatures?.split(',')).toContain('Auxclick');
  });
});
