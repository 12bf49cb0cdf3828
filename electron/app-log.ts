/**
 * The application log an administrator reads when Gatehouse reports an unexpected problem:
 * `<data folder>/logs/gatehouse.log`, JSON lines written with pino, rotated by size (the current
 * file and three older ones, `gatehouse.log.1` newest, each at most 1 MiB). Every host gets it
 * through createCore, and the router's Logger is the single way in.
 *
 * It holds no personal data and no secrets: the channel, the error's type, code and stack, never a
 * channel's input or output. Error messages can quote values (a SQLite or validation message may),
 * so quoted text, email addresses and long numbers in them are replaced before they are written.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

export type Logger = (message: string, error?: unknown, fields?: { channel?: string }) => void;

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'gatehouse.log';
const MAX_BYTES = 1024 * 1024;
const KEEP = 3;
const MAX_TEXT = 8000;

export function logPath(dataDir: string): string {
  return join(dataDir, LOG_FOLDER, LOG_FILE);
}

/** Values an error message may quote, replaced by a marker of what was there. */
export function withoutValues(text: string): string {
  // Bounded patterns over a bounded text: a long message must not make the logger slow.
  return text
    .slice(0, MAX_TEXT)
    .replace(/'[^'\n]{0,200}'|"[^"\n]{0,200}"|`[^`\n]{0,200}`|‘[^’\n]{0,200}’|“[^”\n]{0,200}”/g, '[quoted]')
    .replace(/[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/g, '[email]')
    .replace(/\d(?:[\d ]){5,20}\d/g, '[number]');
}

function rotate(file: string): void {
  for (let n = KEEP - 1; n >= 1; n -= 1) {
    if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  }
  renameSync(file, `${file}.1`);
}

/** A pino destination that appends each line and rotates before the file would pass its limit. */
function rotatingFile(file: string, maxBytes: number): { write(line: string): void } {
  return {
    write(line) {
      try {
        mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
        if (existsSync(file) && statSync(file).size + Buffer.byteLength(line) > maxBytes) rotate(file);
        appendFileSync(file, line, { mode: 0o600 });
      } catch (error) {
        // The log must never turn a handled failure into a crash; say once on stderr that it could not write.
        console.error(`[gatehouse] could not write the application log ${file}: ${(error as Error).message}`);
      }
    },
  };
}

function describe(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: withoutValues(error.message),
    stack: withoutValues(error.stack ?? ''),
  };
}

export function fileLogger(dataDir: string, host: string, maxBytes = MAX_BYTES): Logger {
  const file = logPath(dataDir);
  const logger = pino(
    { base: { host, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    rotatingFile(file, maxBytes),
  );
  return (message, error, fields = {}) => {
    logger.error({ ...fields, ...(error === undefined ? {} : { err: describe(error) }) }, message);
    console.error(`[gatehouse] ${message}. The details are in ${file}.`);
  };
}
