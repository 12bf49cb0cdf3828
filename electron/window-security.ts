/**
 * The renderer is untrusted. Every web contents may not navigate, open windows or attach webviews;
 * and every permission request (camera, notifications, HID...) is refused.
 */
import { app, session } from 'electron';

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
