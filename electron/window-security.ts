/**
 * The renderer is untrusted. Every web contents may not navigate, open windows or attach webviews;
 * every permission request (camera, notifications, HID...) is refused; and IPC is answered only for
 * the app's own window showing the app's own page.
 */
import { app, type IpcMainInvokeEvent, session, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';

export function setupContentsSecurity(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function setupPermissionRefusal(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents, indexHtml: string): boolean {
  if (event.sender !== window) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const expected = pathToFileURL(indexHtml);
  const actual = new URL(frame.url);
  return actual.protocol === 'file:' && actual.pathname === expected.pathname;
}
