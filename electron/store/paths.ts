/**
 * Where the store lives. By default the same folder Electron uses as `userData` for an app named
 * Gatehouse, so the desktop app, the browser host and the command-line tool share one store;
 * `--data-dir` or GATEHOUSE_DATA_DIR override it (tests use fresh temporary folders).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_ENV = 'GATEHOUSE_DATA_DIR';
export const APP_FOLDER = 'Gatehouse';

export interface StorePaths {
  dir: string;
  database: string;
  keySlots: string;
  signInAttempts: string;
}

export function storePaths(dir: string): StorePaths {
  const absolute = resolve(dir);
  return {
    dir: absolute,
    database: join(absolute, 'gatehouse.db'),
    keySlots: join(absolute, 'keyslots.json'),
    signInAttempts: join(absolute, 'sign-in-attempts.json'),
  };
}

export function platformDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

/** `--data-dir` first, then the environment variable, then the host's default. */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback: () => string = () => platformDataDir(),
): string {
  if (flag !== undefined && flag.trim() !== '') return resolve(flag);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return resolve(fromEnv);
  return fallback();
}
