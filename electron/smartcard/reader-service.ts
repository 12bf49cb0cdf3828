/**
 * Smartcard readers over PC/SC (the N-API `smartcard` binding to pcscd or WinSCard): readers listed as
 * they come and go, each card's ATR named from the ATR table and its certificate read as it goes in.
 * Faults are states, never crashes: no PC/SC service, no reader, a card pulled out mid-read, a card that
 * does not answer. While PC/SC is away the service keeps trying, and recovers without a restart.
 */
import { EventEmitter } from 'node:events';
import { type AtrEntry, nameCard, NHS_ATRS } from '../../shared/atr-table';
import { londonDate } from '../../shared/policy/working-days';
import type { ReaderView, SmartcardState } from '../../shared/smartcard';
import { CardReadError, readCertificate } from './apdu';
import { type CardProfile, NHS_PROFILE } from '../../shared/smartcard';
import { identityFromCertificate } from './certificate';
import { Pkcs11Error, readPkcs11Certificates } from './pkcs11';

/** The part of the binding this service uses: a seam for the tests of its state handling. */
export interface PcscCard {
  transmit(command: Buffer, options?: { autoGetResponse?: boolean }): Promise<Buffer>;
}
export interface PcscDevices {
  on(event: 'reader-attached' | 'reader-detached', listener: (reader: { name: string }) => void): unknown;
  on(
    event: 'card-inserted',
    listener: (e: { reader: { name: string; atr?: Buffer | null }; card: PcscCard }) => void,
  ): unknown;
  on(event: 'card-removed', listener: (e: { reader: { name: string } }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  start(): void;
  stop(): void;
  listReaders(): { name: string }[];
}

export interface ReaderServiceOptions {
  createDevices: () => PcscDevices;
  profile?: CardProfile;
  atrTable?: readonly AtrEntry[];
  /** How long to wait before asking PC/SC again after it failed. */
  retryMs?: number;
  /** How long a card that failed a read is first given to settle before it is read again. */
  settleMs?: number;
  today?: () => string;
}

const MESSAGES: Record<SmartcardState['service'], string> = {
  starting: 'Looking for smartcard readers…',
  ready: 'Insert a smartcard.',
  'no-service':
    'The smartcard service is not running (pcscd on Linux, Smart Card service on Windows). Gatehouse keeps trying; start the service or ask IT.',
  'no-reader': 'No smartcard reader is connected. Plug one in; Gatehouse will see it at once.',
};

/** How many times a card is read before the person is told it could not be. */
export const READ_TRIES = 3;

export class ReaderService extends EventEmitter {
  private devices: PcscDevices | null = null;
  private readers = new Map<string, ReaderView>();
  private service: SmartcardState['service'] = 'starting';
  private retry: NodeJS.Timeout | null = null;
  private stopped = true;
  private profile: CardProfile;
  private table: readonly AtrEntry[];
  /**
   * Counts each reader's insertions and removals: a read belongs to one insertion and stops once the
   * card it started on has gone, even if another card of the same type is in the reader by then.
   */
  private insertion = new Map<string, number>();

  constructor(private readonly options: ReaderServiceOptions) {
    super();
    this.profile = options.profile ?? NHS_PROFILE;
    this.table = options.atrTable ?? NHS_ATRS;
  }

  /** The Trust's card profile and ATR table, from its settings; used for every card read after this. */
  configure(configuration: { profile: CardProfile; atrTable: readonly AtrEntry[] }): void {
    this.profile = configuration.profile;
    this.table = configuration.atrTable;
  }

  state(): SmartcardState {
    return { service: this.service, message: MESSAGES[this.service], readers: [...this.readers.values()] };
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.devices?.stop();
    this.devices = null;
  }

  private changed(): void {
    const readers = this.readers.size;
    if (this.service !== 'no-service')
      this.service = readers > 0 ? 'ready' : this.service === 'starting' ? 'starting' : 'no-reader';
    this.emit('changed', this.state());
  }

  private connect(): void {
    if (this.stopped) return;
    const devices = this.options.createDevices();
    this.devices = devices;
    devices.on('reader-attached', (reader) => {
      this.readers.set(reader.name, { name: reader.name, card: null });
      this.service = 'ready';
      this.changed();
    });
    devices.on('reader-detached', (reader) => {
      this.readers.delete(reader.name);
      this.service = this.readers.size > 0 ? 'ready' : 'no-reader';
      this.changed();
    });
    devices.on('card-inserted', ({ reader, card }) => {
      const insertion = this.nextInsertion(reader.name);
      void this.read(reader.name, reader.atr ?? null, card, insertion);
    });
    devices.on('card-removed', ({ reader }) => {
      this.nextInsertion(reader.name);
      if (this.readers.has(reader.name)) this.readers.set(reader.name, { name: reader.name, card: null });
      this.emit('card-removed', reader.name);
      this.changed();
    });
    devices.on('error', () => this.lost());
    devices.start();
    // A monitor that started against a missing service reports nothing: ask PC/SC directly too.
    setImmediate(() => {
      if (this.devices !== devices || this.stopped) return;
      try {
        const listed = devices.listReaders();
        if (listed.length === 0 && this.readers.size === 0) {
          this.service = 'no-reader';
          this.changed();
        }
      } catch {
        this.lost();
      }
    });
  }

  /** PC/SC went away (pcscd stopped or restarted): say so, drop what we knew, and try again shortly. */
  private lost(): void {
    if (this.stopped || this.retry) return;
    this.devices?.stop();
    this.devices = null;
    this.readers.clear();
    this.service = 'no-service';
    this.emit('changed', this.state());
    this.retry = setTimeout(() => {
      this.retry = null;
      this.service = 'starting';
      this.connect();
    }, this.options.retryMs ?? 1000);
    this.retry.unref();
  }

  /** The certificate of the token in this reader's slot (or the only token) through the PKCS#11 module. */
  private async readThroughMiddleware(module: string, readerName: string): Promise<Buffer> {
    let certificates;
    try {
      certificates = await readPkcs11Certificates(module);
    } catch (error) {
      throw new CardReadError(
        error instanceof Pkcs11Error ? error.message : 'The card middleware could not read the card.',
      );
    }
    const chosen =
      certificates.find((c) => c.slot.includes(readerName)) ??
      (certificates.length === 1 ? certificates[0] : undefined);
    if (!chosen)
      throw new CardReadError('The card middleware shows no certificate for the card in this reader.');
    return chosen.der;
  }

  /**
   * A card just put in can answer before it has settled (its contacts, the reader powering it up), and
   * other software on the workstation (the NHS Identity Agent, another Gatehouse window) reads it at the
   * same moment: PC/SC shares the card, so their commands can fall between ours (status 6986, no
   * current file). Try up to READ_TRIES times, pausing a little longer each time with some jitter so two
   * readers do not keep colliding; null when the card came out meanwhile.
   */
  private nextInsertion(readerName: string): number {
    const next = (this.insertion.get(readerName) ?? 0) + 1;
    this.insertion.set(readerName, next);
    return next;
  }

  /** Whether the card this read started on is still the one in the reader. */
  private stillIn(readerName: string, insertion: number): boolean {
    return this.insertion.get(readerName) === insertion && this.readers.get(readerName)?.card != null;
  }

  private async readSettled<T>(
    readerName: string,
    insertion: number,
    readOnce: () => Promise<T>,
  ): Promise<T | null> {
    const settleMs = this.options.settleMs ?? 300;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await readOnce();
      } catch (error) {
        if (attempt >= READ_TRIES) throw error;
      }
      const pause = settleMs * attempt * (1 + Math.random());
      await new Promise((settled) => setTimeout(settled, pause));
      if (!this.stillIn(readerName, insertion)) return null;
    }
  }

  private async read(
    readerName: string,
    atr: Buffer | null,
    card: PcscCard,
    insertion: number,
  ): Promise<void> {
    const atrHex = atr
      ? atr
          .toString('hex')
          .toUpperCase()
          .replace(/(..)(?!$)/g, '$1 ')
      : '';
    const cardType = nameCard(atrHex, this.table)?.[0] ?? null;
    const base = { atr: atrHex, cardType };
    this.readers.set(readerName, {
      name: readerName,
      card: { ...base, state: 'reading', identity: null, problem: null },
    });
    this.changed();
    let next: ReaderView['card'];
    const readOnce = () =>
      this.profile.pkcs11Module
        ? this.readThroughMiddleware(this.profile.pkcs11Module, readerName)
        : readCertificate((command) => card.transmit(command, { autoGetResponse: true }), this.profile);
    try {
      const today = this.options.today?.() ?? londonDate(new Date());
      const identity = await this.readSettled(readerName, insertion, async () =>
        identityFromCertificate(await readOnce(), this.profile, today),
      );
      if (identity === null) return;
      next = { ...base, state: 'read', identity, problem: null };
    } catch (error) {
      const problem =
        error instanceof CardReadError
          ? error.message
          : 'The card could not be read; it may have been taken out too soon. Put it back in and hold it there.';
      next = { ...base, state: 'failed', identity: null, problem };
    }
    // The card may have come out while it was being read: then there is nothing to show.
    if (!this.stillIn(readerName, insertion)) return;
    this.readers.set(readerName, { name: readerName, card: next });
    this.emit('card-read', readerName);
    this.changed();
  }
}
