/**
 * The reader service's states for what the virtual readers cannot show (they are always attached):
 * no reader at all, a reader unplugged while in use, and a binding that reports an error.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type PcscDevices, ReaderService } from '../../../electron/smartcard/reader-service';

function standIn(readers: string[]) {
  return Object.assign(new EventEmitter(), {
    start() {},
    stop() {},
    listReaders: () => readers.map((name) => ({ name })),
  });
}

const nextState = (service: ReaderService) =>
  new Promise<ReturnType<ReaderService['state']>>((resolve) => service.once('changed', resolve));

describe('reader service states', () => {
  it('says no reader is connected, sees one plugged in and unplugged, and says so again', async () => {
    const devices = standIn([]);
    const service = new ReaderService({ createDevices: () => devices as unknown as PcscDevices });
    const first = nextState(service);
    service.start();
    expect(await first).toMatchObject({
      service: 'no-reader',
      message: 'No smartcard reader is connected. Plug one in; Gatehouse will see it at once.',
    });
    devices.emit('reader-attached', { name: 'Omnikey 3121' });
    expect(service.state()).toMatchObject({
      service: 'ready',
      readers: [{ name: 'Omnikey 3121', card: null }],
    });
    devices.emit('reader-detached', { name: 'Omnikey 3121' });
    expect(service.state()).toMatchObject({ service: 'no-reader', readers: [] });
    service.stop();
  });

  it('treats an error from PC/SC as the service gone, and starts again by itself', async () => {
    const created: EventEmitter[] = [];
    let reconnected: () => void = () => undefined;
    const secondAttempt = new Promise<void>((resolve) => (reconnected = resolve));
    const service = new ReaderService({
      retryMs: 10,
      createDevices: () => {
        const devices = standIn(['Reader A']);
        created.push(devices);
        if (created.length === 2) reconnected();
        return devices as unknown as PcscDevices;
      },
    });
    service.start();
    created[0]!.emit('reader-attached', { name: 'Reader A' });
    created[0]!.emit('error', new Error('SCardEstablishContext: Service not available'));
    expect(service.state()).toMatchObject({ service: 'no-service', readers: [] });
    await secondAttempt;
    created[1]!.emit('reader-attached', { name: 'Reader A' });
    expect(created).toHaveLength(2);
    expect(service.state()).toMatchObject({ service: 'ready', readers: [{ name: 'Reader A' }] });
    service.stop();
  });
});
