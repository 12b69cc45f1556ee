import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

/**
 * The URL without query and fragment, normalised by the URL parser (so `app://kortliggaren/a%20b`
 * and `app://kortliggaren/a b` compare equal); undefined when it does not parse.
 */
function pageAddress(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** True when `url` is the app's own page, whatever its query or fragment. */
export function isAppUrl(url: string, appUrl: string): boolean {
  const page = pageAddress(url);
  return page !== undefined && page === pageAddress(appUrl);
}

/**
 * Locks down one web contents: no new windows, no navigation or redirect away from the app
 * page, no `<webview>`. The UI never needs any of these, so anything that tries is either
 * a bug or injected content.
 */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Refuses every permission (camera, notifications, clipboard read, …): an offline register
 * needs none, and a silent "no" is safer than a prompt staff might click through.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** The parts of an IPC event that tell who sent it. */
export type SenderInfo = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/**
 * True only for calls from the top-level frame of the app's own page. Subframes and any
 * other page (should one ever load despite the navigation lock) are refused, as
 * electron/fiddle and VS Code do.
 */
export function isTrustedSender(event: SenderInfo, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  const isMainFrame = frame === event.sender.mainFrame || frame.parent === null;
  return isMainFrame && isAppUrl(frame.url, appUrl);
}
