import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/ipc-sender';

const INDEX = '/opt/Gatehouse/resources/app.asar/dist/renderer/index.html';
const appWindow = {} as WebContents;

function event(sender: WebContents, url: string, parent: unknown = null) {
  return { sender, senderFrame: { url, parent } } as unknown as Pick<
    IpcMainInvokeEvent,
    'sender' | 'senderFrame'
  >;
}

describe('IPC sender check', () => {
  it('accepts the app’s own window showing the app’s own page', () => {
    expect(isTrustedSender(event(appWindow, `${pathToFileURL(INDEX).href}#/audit`), appWindow, INDEX)).toBe(
      true,
    );
  });

  it('refuses another web contents, a subframe, a remote page and another local file', () => {
    expect(isTrustedSender(event({} as WebContents, pathToFileURL(INDEX).href), appWindow, INDEX)).toBe(
      false,
    );
    expect(isTrustedSender(event(appWindow, pathToFileURL(INDEX).href, {}), appWindow, INDEX)).toBe(false);
    expect(isTrustedSender(event(appWindow, 'https://attacker.example/index.html'), appWindow, INDEX)).toBe(
      false,
    );
    expect(isTrustedSender(event(appWindow, 'file:///tmp/evil.html'), appWindow, INDEX)).toBe(false);
    expect(isTrustedSender(event(appWindow, 'not a url'), appWindow, INDEX)).toBe(false);
  });
});
