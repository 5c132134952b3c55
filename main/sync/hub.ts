import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Document as HubDocument, type Extension } from '@hocuspocus/server';
// Hocuspocus's own WebSocket layer (what its `Server` mounts): attaches to any node http server.
import crossws from 'crossws/adapters/node';
import * as Y from 'yjs';
import { HUB_PATH } from '../../shared/sync/docNames.ts';
import { SHARED_DOC_OPTIONS } from '../../shared/sync/yDoc.ts';
import { tokenMatches } from '../web/auth.ts';
import { isAllowedHost } from '../web/guards.ts';

/**
 * The local hub: a Hocuspocus server inside the main process that the renderer's editor
 * (Lexical's CollaborationPlugin + a HocuspocusProvider) talks to. Each of its documents is a
 * mirror of a replica document main already holds (the sync client's, persisted to SQLite and
 * connected to the office server): the renderer never reaches the office server itself, and keeps
 * editing when main is offline. The hub persists nothing.
 */

/** One user's awareness state (cursor, name) as the renderer's editor publishes it. */
export interface HubAwarenessState {
  clientId: number;
  [key: string]: unknown;
}

export interface LocalHubOptions {
  /** The per-launch secret the renderer's provider sends as its token (compared in constant time). */
  token: string;
  /** The replica document a name stands for, or null: names it returns null for are refused. */
  docFor: (name: string) => Y.Doc | null;
  /** Whether the user may only read this document (a viewer): the connection is then read-only. */
  isReadOnly?: (name: string) => boolean;
  /** Called when the editors' awareness (cursors, names) of a document changes. */
  onAwareness?: (name: string, states: HubAwarenessState[]) => void;
  /**
   * `listen()` mode only: which `Origin` headers may open a socket (absent header always allowed).
   * Default: any (the token is what guards the hub; the Host header is checked against rebinding).
   */
  allowOrigin?: (origin: string | undefined) => boolean;
}

export interface LocalHub {
  /** Hands an HTTP upgrade (already routed and guarded by the caller) to the hub. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Listens on 127.0.0.1 (a free port) on its own; the url is what the provider connects to. */
  listen(): Promise<{ url: string; port: number }>;
  /** Names of the documents the hub holds now (opened by an editor, not yet unloaded). */
  openDocuments(): string[];
  /** Cuts every connection, detaches every bridge, stops listening. Leaves no handles. */
  close(): Promise<void>;
}

/**
 * The transaction origin of every change the hub writes into a source (replica) document: an
 * editor's edit as it reaches main. The sync client logs and sends it upstream like any local
 * change (its SQLite rebuild may key on it).
 */
export const HUB_ORIGIN: object = Object.freeze({ hub: 'casebook-local-hub' });

/**
 * The origin of changes mirrored from a source document into the hub's: local (Hocuspocus
 * broadcasts them to the editors) and without store hooks (the hub stores nothing).
 */
const FROM_SOURCE = Object.freeze({ source: 'local', skipStoreHooks: true }) as {
  source: 'local';
  skipStoreHooks: true;
};

/** Close code of the sockets of a document whose source went away (an application code, 4000–4999). */
const RELOAD_CODE = 4012;

/** A refusal Hocuspocus sends to the provider (`authenticationFailed` with this reason). */
function refusal(reason: string): Error & { reason: string } {
  // No message: Hocuspocus logs every hook error that has one; a refusal is not an error of ours.
  return Object.assign(new Error(''), { reason });
}

interface Bridge {
  document: HubDocument;
  source: Y.Doc;
  detach: () => void;
}

export function createLocalHub(opts: LocalHubOptions): LocalHub {
  if (opts.token.length < 16) throw new Error('The hub token must be at least 16 characters');
  const bridges = new Map<HubDocument, Bridge>();
  let closed = false;

  const attach = (document: HubDocument, source: Y.Doc): void => {
    // The hub's copy starts as the source's whole state, then both follow each other.
    Y.applyUpdate(document, Y.encodeStateAsUpdate(source), FROM_SOURCE);
    const toSource = (update: Uint8Array, origin: unknown): void => {
      if (origin === FROM_SOURCE) return;
      Y.applyUpdate(source, update, HUB_ORIGIN);
    };
    const toHub = (update: Uint8Array, origin: unknown): void => {
      if (origin === HUB_ORIGIN || document.isDestroyed) return;
      Y.applyUpdate(document, update, FROM_SOURCE);
    };
    const onSourceGone = (): void => {
      detach();
      // Main replaced or closed the replica. The editors' sockets are closed (not just this
      // document on them): their providers reconnect by themselves and load whatever docFor()
      // gives now (a refusal if nothing).
      if (closed) return;
      for (const connection of document.getConnections()) connection.webSocket.close(RELOAD_CODE, 'hub.reload');
    };
    const detach = (): void => {
      if (!bridges.has(document)) return;
      bridges.delete(document);
      document.off('update', toSource);
      document.off('destroy', detach);
      source.off('update', toHub);
      source.off('destroy', onSourceGone);
    };
    document.on('update', toSource);
    document.on('destroy', detach);
    source.on('update', toHub);
    source.on('destroy', onSourceGone);
    bridges.set(document, { document, source, detach });
  };

  const hooks: Extension = {
    extensionName: 'casebook-local-hub',
    async onAuthenticate({ token, documentName, connectionConfig }) {
      if (closed) throw refusal('hub.closed');
      if (!tokenMatches(opts.token, token ?? null)) throw refusal('hub.badToken');
      if (opts.docFor(documentName) === null) throw refusal('hub.badDoc');
      if (opts.isReadOnly?.(documentName)) connectionConfig.readOnly = true;
      return {};
    },
    async onLoadDocument({ document, documentName }) {
      const source = opts.docFor(documentName);
      if (source === null || closed) throw refusal('hub.badDoc');
      attach(document, source);
    },
    async afterUnloadDocument({ documentName }) {
      // The document's destroy already detached it; this catches any bridge left behind.
      for (const b of bridges.values()) if (b.document.name === documentName && b.document.isDestroyed) b.detach();
    },
    async onAwarenessUpdate({ documentName, states }) {
      opts.onAwareness?.(documentName, states as HubAwarenessState[]);
    },
  };

  const hocuspocus = new Hocuspocus({
    name: 'casebook-local-hub',
    quiet: true,
    // The same document options as every peer's (shared/sync/yDoc.ts): snapshots need the deleted items.
    yDocOptions: SHARED_DOC_OPTIONS,
    // Nothing to store: no debounce timers to wait for before a document unloads.
    debounce: 0,
    maxDebounce: 0,
    unloadImmediately: true,
    extensions: [hooks],
  });

  const ws = crossws({
    hooks: {
      open: (peer) => {
        const p = peer as typeof peer & { _hub?: ReturnType<Hocuspocus['handleConnection']> };
        p._hub = hocuspocus.handleConnection(peer.websocket as WebSocket, peer.request as Request);
      },
      message: (peer, message) => {
        (peer as { _hub?: ReturnType<Hocuspocus['handleConnection']> })._hub?.handleMessage(message.uint8Array());
      },
      close: (peer, event) => {
        const p = peer as { _hub?: ReturnType<Hocuspocus['handleConnection']> };
        p._hub?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        delete p._hub;
      },
      error: () => {
        // A broken socket closes right after; nothing to report from a loopback hub.
      },
    },
  });

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (closed) {
      socket.destroy();
      return;
    }
    ws.handleUpgrade(req, socket, head).catch(() => socket.destroy());
  };

  let server: http.Server | null = null;
  let listening: Promise<{ url: string; port: number }> | null = null;

  const listen = (): Promise<{ url: string; port: number }> => {
    if (closed) return Promise.reject(new Error('The hub is closed'));
    listening ??= new Promise((resolve, reject) => {
      const srv = http.createServer((_req, res) => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      });
      srv.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        const port = (srv.address() as AddressInfo | null)?.port ?? -1;
        const path = (req.url ?? '').split('?', 1)[0];
        const originOk = opts.allowOrigin ? opts.allowOrigin(req.headers.origin) : true;
        if (!isAllowedHost(req.headers.host, port) || path !== HUB_PATH || !originOk) {
          socket.destroy();
          return;
        }
        handleUpgrade(req, socket, head);
      });
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        srv.off('error', reject);
        const { port } = srv.address() as AddressInfo;
        resolve({ url: `ws://127.0.0.1:${port}${HUB_PATH}`, port });
      });
      server = srv;
    });
    return listening;
  };

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      closed = true;
      const srv = server as http.Server | null;
      const stopped = srv
        ? new Promise<void>((resolve) => {
            srv.close(() => resolve());
            srv.closeAllConnections();
          })
        : Promise.resolve();
      hocuspocus.closeConnections();
      // Cut every socket now (a graceful close would wait for the client's answer).
      ws.closeAll(1001, 'hub closed', true);
      await ws.close();
      await stopped;
      // Let the connections' close handlers run, then unload whatever Hocuspocus still holds.
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const document of [...hocuspocus.documents.values()]) await hocuspocus.unloadDocument(document);
      for (const b of [...bridges.values()]) b.detach();
    })();
    return closing;
  };

  return {
    handleUpgrade,
    listen,
    openDocuments: () => [...hocuspocus.documents.keys()],
    close,
  };
}
