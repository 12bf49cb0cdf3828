/**
 * The real PC/SC stack for smartcard tests: pcscd with vsmartcard's vpcd driver (two virtual readers,
 * "Virtual PCD 00 00" and "Virtual PCD 00 01"), and virtual cards played by virtual-card.py. The lab
 * starts pcscd if it is not running (and stops what it started), and every wait is on an event.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { SmartcardState } from '../../../shared/smartcard';
import type { ReaderService } from '../../../electron/smartcard/reader-service';

export const NHS_ATR = '3BF91800008131FE454A434F503431563232AF';
export const READERS = ['Virtual PCD 00 00', 'Virtual PCD 00 01'] as const;
const PORTS = [35963, 35964];
const SCRIPT = fileURLToPath(new URL('virtual-card.py', import.meta.url));

export interface CardSpec {
  atr?: string;
  /** The bytes at the certificate's place (DF A000000063504B43532D3135, EF C000), or none. */
  certificate?: Buffer | null;
}

/** Why smartcard tests cannot run here, or null when they can. */
export function labMissing(): string | null {
  if (!existsSync('/usr/sbin/pcscd')) return 'pcscd is not installed (apt-get install pcscd)';
  if (!existsSync('/usr/lib/pcsc/drivers/serial/libifdvpcd.so')) return 'vsmartcard-vpcd is not installed';
  if (!existsSync('/usr/lib/python3/site-packages/virtualsmartcard'))
    return 'python3-virtualsmartcard is not installed';
  return null;
}

function pcscdRunning(): boolean {
  try {
    execFileSync('pgrep', ['-x', 'pcscd']);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the first state the service reports that passes `test` (the current one included). */
export function until(
  service: ReaderService,
  test: (s: SmartcardState) => boolean,
  what: string,
  ms = 15_000,
): Promise<SmartcardState> {
  return new Promise((resolve, reject) => {
    const check = (s: SmartcardState) => {
      if (!test(s)) return;
      clearTimeout(timer);
      service.off('changed', check);
      resolve(s);
    };
    const timer = setTimeout(() => {
      service.off('changed', check);
      reject(new Error(`Timed out waiting for ${what}; last state: ${JSON.stringify(service.state())}`));
    }, ms);
    service.on('changed', check);
    check(service.state());
  });
}

export class PcscLab {
  private daemon: ChildProcess | null = null;
  private cards = new Map<number, ChildProcess>();
  /** Every emulator this lab started, so none outlives it even when a test fails half way. */
  private started = new Set<ChildProcess>();

  constructor(private readonly dir: string) {}

  /** Start pcscd if it is not running; resolves once it has created its socket. */
  async start(): Promise<void> {
    if (pcscdRunning()) return;
    await this.startDaemon();
  }

  async startDaemon(): Promise<void> {
    this.daemon = spawn('pcscd', ['--foreground', '--error'], { stdio: 'ignore' });
    // pcscd gives no sign when it is ready; it is once it answers `pcsc_scan -r`. Ask, briefly, a bounded number of times.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      try {
        execFileSync('pcsc_scan', ['-r'], { stdio: 'ignore', timeout: 2000 });
        return;
      } catch {
        await delay(100);
      }
    }
    throw new Error('pcscd did not start within 5 seconds');
  }

  /** Kill pcscd (whoever started it), as a crash or an administrator would. */
  killDaemon(): void {
    try {
      execFileSync('pkill', ['-x', 'pcscd']);
    } catch {
      /* it was not running */
    }
    this.daemon = null;
  }

  /** Put a virtual card in reader 0 or 1; resolves when the emulator has connected to vpcd. */
  insert(reader: 0 | 1, spec: CardSpec): Promise<void> {
    const file = join(this.dir, `card-${reader}.json`);
    const files = spec.certificate
      ? [
          {
            aid: 'A000000063504B43532D3135',
            dfId: '5000',
            efId: 'C000',
            hex: spec.certificate.toString('hex'),
          },
        ]
      : [];
    writeFileSync(file, JSON.stringify({ atr: spec.atr ?? NHS_ATR, files }));
    // A card still in this reader (a test that failed before taking it out) goes first: two emulators
    // on one reader's port would answer each other's commands.
    this.remove(reader);
    const card = spawn('/usr/bin/python3', [SCRIPT, '--spec', file, '--port', String(PORTS[reader])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.cards.set(reader, card);
    this.started.add(card);
    card.once('exit', () => this.started.delete(card));
    return new Promise((resolve, reject) => {
      let output = '';
      card.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('virtual card ready')) resolve();
      });
      card.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      card.once('exit', (code) => reject(new Error(`virtual card exited (${code}): ${output}`)));
    });
  }

  /** Take the card out (the emulator goes away, as a card leaving the reader does). */
  remove(reader: 0 | 1): void {
    this.cards.get(reader)?.kill('SIGKILL');
    this.cards.delete(reader);
  }

  stop(): void {
    for (const reader of [...this.cards.keys()]) this.remove(reader as 0 | 1);
    for (const card of this.started) card.kill('SIGKILL');
    if (this.daemon) {
      this.daemon.kill('SIGTERM');
      this.daemon = null;
    }
  }
}
