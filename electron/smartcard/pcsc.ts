/**
 * The reader service over the machine's PC/SC (pcscd on Linux, WinSCard on Windows). The native
 * binding is loaded only here, and only when a host asks for readers, so a machine without the PC/SC
 * library still runs everything else and says why it cannot see cards.
 */
import type { PcscDevices } from './reader-service';
import { ReaderService, type ReaderServiceOptions } from './reader-service';

export type ReaderServiceStart = { ok: true; service: ReaderService } | { ok: false; message: string };

export async function startReaderService(
  options: Omit<ReaderServiceOptions, 'createDevices'> = {},
): Promise<ReaderServiceStart> {
  let Devices: new () => PcscDevices;
  try {
    // Loaded at run time, not bundled (a native module), and its absence must not stop the rest.
    ({ Devices } = (await import('smartcard')) as unknown as { Devices: new () => PcscDevices });
  } catch (error) {
    return {
      ok: false,
      message: `Smartcard support could not be loaded (${(error as Error).message.split('\n')[0]}). On Linux install the PC/SC library (libpcsclite1 and pcscd).`,
    };
  }
  const service = new ReaderService({ ...options, createDevices: () => new Devices() });
  service.start();
  return { ok: true, service };
}
