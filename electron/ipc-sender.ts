/**
 * IPC is answered only for the app's own window showing the app's own page: a frame navigated
 * elsewhere, a subframe, or another web contents gets nothing.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';

export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: WebContents,
  indexHtml: string,
): boolean {
  if (event.sender !== window) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  let actual: URL;
  try {
    actual = new URL(frame.url);
  } catch {
    return false;
  }
  return actual.protocol === 'file:' && actual.pathname === pathToFileURL(indexHtml).pathname;
}
