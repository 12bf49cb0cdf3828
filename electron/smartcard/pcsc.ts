/**
 * The reader service over the machine's PC/SC (pcscd on Linux, WinSCard on Windows). The native
 * binding is loaded only here, and only when a host asks for readers, so a machine without the PC/SC
 * library still runs everything else and says why it cannot see cards.
 */
import { createRequire } from 'node:module';
import type { PcscDevices } from './reader-service';
import { ReaderService, type ReaderServiceOptions } from './reader-service';

export type ReaderServiceStart = { ok: true; service: ReaderService } | { ok: false; message: string };

export function startReaderService(
  options: Omit<ReaderServiceOptions, 'createDevices'> = {},
): ReaderServiceStart {
  let Devices: new () => PcscDevices;
  try {
    // Required at run time, not bundled: it is a native module.
    ({ Devices } = createRequire(__filename)('smartcard') as { Devices: new () => PcscDevices });
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
