/**
 * What the test may ask the stand-in `electron` module over the child's IPC channel. The test cannot
 * call the functions the app registered (they live in the child), so it names one and the stub calls
 * it the way Electron would, answering with what the app's function gave back.
 */
export type StubRequest =
  /** The session's permission request handler, for `permission`: what it passed to its callback. */
  | { op: 'permissionRequest'; permission: string }
  /** The session's permission check handler: its return value. */
  | { op: 'permissionCheck'; permission: string }
  /** The session's `webRequest.onHeadersReceived` listener for a response: what it passed to its callback. */
  | { op: 'headersReceived'; url: string; resourceType: string }
  /** The handler registered with `protocol.handle(scheme)`, given `new Request(url, { headers })`. */
  | { op: 'protocol'; scheme: string; url: string; headers?: Record<string, string> }
  /** The `ipcMain.handle(channel)` handler, called from a frame at `frameUrl` (null: a frame already gone). */
  | { op: 'ipcInvoke'; channel: string; frameUrl: string | null; args: unknown[] }
  /** `will-navigate` on the window's page: whether the app prevented it. */
  | { op: 'navigate'; url: string }
  /** The page's window-open handler: its answer. */
  | { op: 'windowOpen'; url: string }
  /** Clicks the application menu item with this id: what the page was sent meanwhile. */
  | { op: 'clickMenu'; itemId: string }
  /** `app.quit()`, as the menu's Quit role does; the child then exits. */
  | { op: 'quit' };

export type StubReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Sent once the window's page has been loaded (after `loadFile`/`loadURL` resolved). */
export interface StubLoaded {
  type: 'loaded';
  how: 'loadFile' | 'loadURL';
  target: string;
}

/** One line of the call log (JSON lines): the API path and its JSON-safe arguments. */
export interface LoggedCall {
  path: string;
  args: unknown[];
}
