import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';
import { HUB_PATH } from '../../../shared/sync/docNames.ts';
import type * as Y from 'yjs';
import { newSharedDoc } from '../../../shared/sync/yDoc.ts';

/**
 * The renderer's side of a collaborative case: a HocuspocusProvider talking to main's local hub
 * (main/sync/hub.ts), dressed as the Provider Lexical's CollaborationPlugin expects. The renderer
 * never talks to the office server: main holds the replica, keeps it offline and syncs it upstream.
 */

/** Where the renderer's editor stands with the hub. */
export type CollabState =
  /** Opening the socket to the hub. */
  | 'connecting'
  /** Connected; the first exchange is not done yet, or edits are waiting for the hub's receipt. */
  | 'connected'
  /** Connected, up to date, every edit received by main. */
  | 'synced'
  /** The socket to the hub is down (it retries). */
  | 'offline'
  /** The hub refused the document (`reason`: `hub.badToken`, `hub.badDoc`, …); nothing will change. */
  | 'refused';

export interface CollabStatus {
  state: CollabState;
  /** Edits sent to the hub and not yet acknowledged. */
  unsyncedChanges: number;
  /** The hub made the connection read-only (a viewer). */
  readOnly: boolean;
  /** Why the hub refused, for `refused`. */
  reason: string | null;
}

const INITIAL_COLLAB_STATUS: CollabStatus = {
  state: 'connecting',
  unsyncedChanges: 0,
  readOnly: false,
  reason: null,
};

export interface HubProviderOptions {
  /** The hub's WebSocket URL (`ws://127.0.0.1:<port>/sync`). */
  url: string;
  /** The per-launch token main gave the page. */
  token: string;
  /** The document (`case:<uuid>`). */
  name: string;
  /** The document to sync (a fresh one by default, gc off like every replica). */
  doc?: Y.Doc;
  onStatus?: (status: CollabStatus) => void;
  /** For tests: a WebSocket class (default: the global one). */
  WebSocketPolyfill?: unknown;
}

/** The Provider Lexical's binding uses, plus what the app needs around it. */
export interface HubProvider extends Provider {
  readonly doc: Y.Doc;
  readonly hocuspocus: HocuspocusProvider;
  status(): CollabStatus;
  /** Closes the socket for good and frees the document's listeners. */
  destroy(): void;
}

type Listener = (...args: never[]) => void;

/**
 * A provider on its own socket to the hub. `connect()` returns nothing (not a promise): Lexical's
 * CollaborationPlugin disconnects synchronously then, which is what React's StrictMode remount needs.
 */
export function createHubProvider(opts: HubProviderOptions): HubProvider {
  const doc = opts.doc ?? newSharedDoc();
  const socket = new HocuspocusProviderWebsocket({
    url: opts.url,
    autoConnect: false,
    ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill as typeof WebSocket } : {}),
  });
  const hocuspocus = new HocuspocusProvider({ websocketProvider: socket, name: opts.name, document: doc, token: opts.token });

  let socketStatus: WebSocketStatus = WebSocketStatus.Disconnected;
  let everConnected = false;
  let refusedReason: string | null = null;
  let last: CollabStatus = INITIAL_COLLAB_STATUS;
  const compute = (): CollabStatus => {
    const readOnly = hocuspocus.authorizedScope === 'readonly';
    const unsyncedChanges = hocuspocus.unsyncedChanges;
    let state: CollabState;
    if (refusedReason !== null) state = 'refused';
    else if (socketStatus === WebSocketStatus.Connected) {
      state = hocuspocus.isSynced && unsyncedChanges === 0 ? 'synced' : 'connected';
    } else if (socketStatus === WebSocketStatus.Connecting && !everConnected) state = 'connecting';
    else if (socketStatus === WebSocketStatus.Connecting) state = 'offline';
    else state = everConnected ? 'offline' : 'connecting';
    return { state, unsyncedChanges, readOnly, reason: refusedReason };
  };
  const emit = (): void => {
    const next = compute();
    if (
      next.state === last.state &&
      next.unsyncedChanges === last.unsyncedChanges &&
      next.readOnly === last.readOnly &&
      next.reason === last.reason
    ) {
      return;
    }
    last = next;
    opts.onStatus?.(next);
  };
  hocuspocus.on('status', ({ status }: { status: WebSocketStatus }) => {
    socketStatus = status;
    if (status === WebSocketStatus.Connected) everConnected = true;
    emit();
  });
  hocuspocus.on('synced', emit);
  hocuspocus.on('unsyncedChanges', emit);
  hocuspocus.on('authenticated', () => {
    refusedReason = null;
    emit();
  });
  hocuspocus.on('authenticationFailed', ({ reason }: { reason: string }) => {
    refusedReason = reason || 'refused';
    emit();
  });
  // The provider only sends on an attached socket; attaching does not connect (autoConnect off).
  hocuspocus.attach();

  // Lexical listens for `sync` (a boolean) where Hocuspocus says `synced` ({ state }).
  const wrapped = new Map<Listener, (arg: { state: boolean }) => void>();
  let destroyed = false;

  const provider: HubProvider = {
    doc,
    hocuspocus,
    awareness: hocuspocus.awareness as unknown as Provider['awareness'],
    status: compute,
    connect: () => {
      if (destroyed) return;
      void socket.connect();
    },
    disconnect: () => {
      if (destroyed) return;
      socket.disconnect();
    },
    on: ((type: string, cb: Listener) => {
      if (type === 'sync') {
        const w = ({ state }: { state: boolean }) => (cb as (s: boolean) => void)(state);
        wrapped.set(cb, w);
        hocuspocus.on('synced', w);
      } else hocuspocus.on(type, cb as (...args: unknown[]) => void);
    }) as Provider['on'],
    off: ((type: string, cb: Listener) => {
      if (type === 'sync') {
        const w = wrapped.get(cb);
        if (w) hocuspocus.off('synced', w);
        wrapped.delete(cb);
      } else hocuspocus.off(type, cb as (...args: unknown[]) => void);
    }) as Provider['off'],
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      hocuspocus.destroy();
      socket.destroy();
      // A reconnect the socket scheduled when it last closed (a plain timer, 1 s) would call
      // connect(), which sets `shouldConnect` again and revives a destroyed socket for good.
      socket.connect = () => Promise.resolve();
    },
  };
  return provider;
}

/**
 * The hub's URL for a page served by browser mode's own server: the page's own host (127.0.0.1 or
 * localhost, whichever the page was opened as), so `connect-src 'self'` covers it. Electron has no
 * such server: main gives the page its hub's URL (LocalHub.listen()).
 */
export function hubUrlFromPage(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${HUB_PATH}`;
}

/** A stable cursor colour for a user name (the same on every screen). */
export function cursorColorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `hsl(${h % 360}, 65%, 42%)`;
}
