import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { inspect } from 'node:util';
import { Database } from '@hocuspocus/extension-database';
import { Server, type Extension } from '@hocuspocus/server';
import { CaseDoc } from '../../shared/model/caseDoc.ts';
import { MAX_UPDATE_BYTES, SYNC_SCHEMA_VERSION, parseDocName, reasonCode, volumeDocName } from '../../shared/sync/docNames.ts';
import { seedCaseState } from '../../shared/sync/caseReplica.ts';
import { SHARED_DOC_OPTIONS } from '../../shared/sync/yDoc.ts';
import { openLibrary, type Library } from '../store/db.ts';
import { bearerToken } from '../web/auth.ts';
import { rawPathSegments } from '../web/guards.ts';
import { sendJson, sendText } from '../web/http.ts';
import { serveScan } from '../web/server.ts';
import { listCatalog, volumeImport } from './catalog.ts';
import { ServerRows } from './serverRows.ts';
import { MergeWatch } from './mergeWatch.ts';
import { markMergedCase } from './reviewMarks.ts';
import { UserWatch } from './revocation.ts';
import { EventGuard, seedVolumeState } from './serverVolumes.ts';
import { fingerprintOf, type ServerCertificate } from './tls.ts';
import { appendUpdate, hasDoc, loadState, storeState } from './updateLog.ts';
import { authenticate, type AuthRefusal, type SyncRole } from './users.ts';

/**
 * The office server: one library's shared documents (`case:<uuid>`, `vol:<uuid>`) merged through
 * Hocuspocus, and its scan files over HTTP. Every update is appended to the library's log the moment
 * it is applied (before the client hears it was stored), and folded into the document's state when
 * Hocuspocus's debounced store runs; a case's document is seeded once from the stored case.
 */

/**
 * Why the server refused a client, sent as the `reason` of the refusal: `<code>: <English text>`.
 * The code is stable (the client translates it); the text is for logs and for people.
 */
export type SyncRefusalCode =
  'sync.badToken' | 'sync.revoked' | 'sync.expired' | 'sync.badDoc' | 'sync.schemaNewer' | 'sync.schemaOlder' | 'sync.tooLarge';

export const SYNC_REFUSAL_CODES: readonly SyncRefusalCode[] = [
  'sync.badToken',
  'sync.revoked',
  'sync.expired',
  'sync.badDoc',
  'sync.schemaNewer',
  'sync.schemaOlder',
  'sync.tooLarge',
];

/** The code of a refusal's reason (`sync.badToken: …` → `sync.badToken`), or null for another reason. */
export function refusalCode(reason: string | null | undefined): SyncRefusalCode | null {
  const code = reasonCode(reason);
  return (SYNC_REFUSAL_CODES as readonly string[]).includes(code) ? (code as SyncRefusalCode) : null;
}

/** WebSocket close codes the refusals carry (as @hocuspocus/common names them). */
const CLOSE_FORBIDDEN = 4403;
const CLOSE_TOO_BIG = 1009;

/**
 * A refusal thrown from a hook. Hocuspocus sends `reason` to the client (authenticationFailed, or
 * the close event of a document). The message is left empty on purpose: Hocuspocus logs every hook
 * error that has one, and the server logs refusals itself, once, through its `log`.
 */
export class SyncRefusal extends Error {
  readonly refusal: SyncRefusalCode;
  readonly reason: string;
  readonly code: number;
  constructor(refusal: SyncRefusalCode, text: string, closeCode = CLOSE_FORBIDDEN) {
    super('');
    this.name = 'SyncRefusal';
    this.refusal = refusal;
    this.reason = `${refusal}: ${text}`;
    this.code = closeCode;
  }

  /** One line where Hocuspocus logs a refused message (it prints the error it closed a connection for). */
  [inspect.custom](): string {
    return `SyncRefusal(${this.reason})`;
  }
}

const AUTH_REFUSALS: Record<AuthRefusal, [SyncRefusalCode, string]> = {
  unknown: ['sync.badToken', 'The access token is not one this server issued'],
  revoked: ['sync.revoked', 'This user has been revoked on the server'],
  expired: ['sync.expired', 'This user’s access has expired'],
};

export interface SyncServerOptions {
  /** The library folder to serve (opened here, with its writer lock, and closed by `close()`). */
  libraryDir?: string;
  /** An already open library (left open by `close()`); one of `libraryDir` or `lib`. */
  lib?: Library;
  /** Address to listen on; default 127.0.0.1 (an office server passes its LAN address or 0.0.0.0). */
  host?: string;
  /** Port; default 0 (any free port, see `port` of the result). */
  port?: number;
  /** How a case's stored document becomes its first shared state; default seedCaseState. */
  seed?: (doc: CaseDoc) => Uint8Array;
  /** The largest message accepted from a client; default MAX_UPDATE_BYTES. */
  maxUpdateBytes?: number;
  /** Hocuspocus's store debounce (ms); defaults 2000 and at most 10000 between stores. */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** How long after a document's last change the server's own rows are rewritten from it; default 1000 ms. */
  rowsDelayMs?: number;
  /** Where the server's log lines go (refusals, seeds, store failures); default stderr. */
  log?: (line: string) => void;
  /** Serve `wss://` and `https://` with this certificate (see tls.ts); default plain `ws://`, for a trusted LAN. */
  tls?: ServerCertificate;
}

export interface SyncServer {
  /** `ws://host:port` (`wss://` with TLS), what a client's provider connects to (adding `?schema=N`). */
  url: string;
  /** `http://host:port` (`https://` with TLS), where `/scans/<file>` is served. */
  httpUrl: string;
  /** With TLS, the SHA-256 fingerprint of the certificate (what users compare before trusting it); else null. */
  fingerprint: string | null;
  host: string;
  port: number;
  /** Names of the documents the server holds in memory now (loaded by a client, not yet unloaded). */
  openDocuments(): string[];
  /** Closes every connection, stores every document, stops listening (and closes the library it opened). */
  close(): Promise<void>;
}

interface ConnectionContext {
  user: string;
  role: SyncRole;
}

/**
 * The server's own writes (review marks): no user, so onChange does not check events against it
 * (an event a machine appended is checked against that machine's user).
 */
const SERVER_CONTEXT: ConnectionContext = { user: '', role: 'editor' };

/** Pending (unauthenticated) documents per socket: an app opens every case of a library on one socket. */
const MAX_PENDING_DOCUMENTS = 10_000;
const MAX_UNAUTHENTICATED_MESSAGES = 50_000;
const MAX_UNAUTHENTICATED_BYTES = 64 * 1024 * 1024;
/** How long `close()` waits for Hocuspocus to store and unload documents (the log already holds everything). */
const CLOSE_WAIT_MS = 5000;

function wsHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSyncServer(opts: SyncServerOptions): Promise<SyncServer> {
  if (!opts.lib && !opts.libraryDir) throw new Error('startSyncServer needs a library (lib or libraryDir)');
  const ownLib = !opts.lib;
  const lib = opts.lib ?? openLibrary(opts.libraryDir!);
  const db = lib.db;
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? seedCaseState;
  const maxUpdateBytes = opts.maxUpdateBytes ?? MAX_UPDATE_BYTES;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const events = new EventGuard(db, log);
  const merges = new MergeWatch<object>();
  const rows = new ServerRows(db, opts.rowsDelayMs ?? 1000, log);
  // Users revoked or expired while connected are cut (see revocation.ts); started by the first authentication.
  const userWatch = new UserWatch(
    db,
    (refusal) => {
      const [code, text] = AUTH_REFUSALS[refusal];
      const cut = new SyncRefusal(code, text);
      return { code: cut.code, reason: cut.reason };
    },
    log,
  );

  const refuse = (docName: string, refusal: SyncRefusal, who?: string): never => {
    log(`sync: refused ${JSON.stringify(docName)}${who ? ` for ${who}` : ''}: ${refusal.reason}`);
    throw refusal;
  };

  /** Whether the row a document stands for exists in this library. */
  const docExists = (kind: 'case' | 'vol', uuid: string): boolean => {
    const sql = kind === 'case' ? 'SELECT 1 FROM cases WHERE uuid = ?' : 'SELECT 1 FROM volumes WHERE uuid = ?';
    return db.prepare(sql).get(uuid) !== undefined;
  };

  const checkSchema = (docName: string, params: URLSearchParams): void => {
    const raw = params.get('schema');
    const version = raw !== null && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
    if (version === SYNC_SCHEMA_VERSION) return;
    if (version !== null && version > SYNC_SCHEMA_VERSION) {
      refuse(
        docName,
        new SyncRefusal(
          'sync.schemaNewer',
          `The app writes shared documents of format ${version}, this server only knows format ${SYNC_SCHEMA_VERSION}: update the server`,
        ),
      );
    }
    refuse(
      docName,
      new SyncRefusal(
        'sync.schemaOlder',
        `The app writes shared documents of format ${raw ?? '(none)'}, this server holds format ${SYNC_SCHEMA_VERSION}: update the app`,
      ),
    );
  };

  const hooks: Extension<ConnectionContext> = {
    extensionName: 'casebook-sync',
    // Runs before the Database extension's onLoadDocument (higher priority): nothing reaches a document unchecked.
    priority: 1000,

    async onAuthenticate({ token, documentName, requestParameters, connectionConfig, instance }) {
      checkSchema(documentName, requestParameters);
      const auth = authenticate(db, token);
      if (!auth.ok) {
        const [code, text] = AUTH_REFUSALS[auth.refusal];
        refuse(documentName, new SyncRefusal(code, text));
        return;
      }
      const name = parseDocName(documentName);
      if (!name) refuse(documentName, new SyncRefusal('sync.badDoc', 'Not the name of a shared document'), auth.name);
      else if (!docExists(name.kind, name.uuid)) {
        refuse(
          documentName,
          new SyncRefusal('sync.badDoc', `This library has no ${name.kind === 'case' ? 'case' : 'volume'} ${name.uuid}`),
          auth.name,
        );
      }
      // A viewer's connection is read-only: Hocuspocus drops its updates and tells its provider so.
      if (auth.role !== 'editor') connectionConfig.readOnly = true;
      userWatch.watch(instance);
      return { user: auth.name, role: auth.role } satisfies ConnectionContext;
    },

    async afterLoadDocument({ document, documentName }) {
      // Appended inside the transaction that applies it, so before the sender is told it was stored.
      // Loading the stored state (above) happened before this listener, so it is not logged again.
      document.on('update', (update: Uint8Array) => {
        appendUpdate(db, documentName, update);
        rows.changed(documentName);
      });
      if (parseDocName(documentName)?.kind === 'vol') events.loaded(documentName, document);
      rows.loaded(documentName, document);
    },

    async onChange({ document, documentName, context }) {
      // Workflow events a machine appended are checked against the rules as the server knows them.
      if (parseDocName(documentName)?.kind === 'vol' && context?.user) events.changed(documentName, document, context.user);
    },

    async afterUnloadDocument({ documentName }) {
      events.unloaded(documentName);
      rows.unloaded(documentName);
    },

    async beforeSync({ connection, document, documentName, type, payload, context }) {
      // A machine's offline changes to a case meeting changes it had not seen: a signed case is
      // marked for review in its volume's document, so every machine of the team shows it.
      const name = parseDocName(documentName);
      if (connection.readOnly || name?.kind !== 'case') return;
      if (merges.message(connection, document, type, payload)) {
        log(`sync: ${documentName}: changes of ${context?.user ?? 'a machine'} merged with changes it had not seen`);
        // Not awaited: the machine's sync goes on while the mark is written.
        void markForReview(name.uuid);
      }
    },

    async beforeHandleMessage({ update, documentName, context }) {
      if (update.byteLength > maxUpdateBytes) {
        refuse(
          documentName,
          new SyncRefusal(
            'sync.tooLarge',
            `An update of ${update.byteLength} bytes is larger than this server accepts (${maxUpdateBytes} bytes); it was not stored`,
            CLOSE_TOO_BIG,
          ),
          context.user,
        );
      }
    },

    async onRequest({ request, response }) {
      await serveHttp(request, response, lib, log);
      // A rejection without an error is Hocuspocus's way to say "answered; skip the default page".
      throw null;
    },
  };

  const database = new Database({
    fetch: async ({ documentName }) => {
      if (hasDoc(db, documentName)) return loadState(db, documentName);
      const name = parseDocName(documentName);
      if (name?.kind === 'vol') {
        // Seed once, like a case: the volume's case fields, page statuses and workflow log.
        const state = seedVolumeState(db, name.uuid);
        if (!state) throw new SyncRefusal('sync.badDoc', `This library has no volume ${name.uuid}`);
        storeState(db, documentName, state, undefined, true);
        log(`sync: seeded ${documentName} from the library (${state.byteLength} bytes)`);
        return state;
      }
      if (name?.kind !== 'case') return null;
      // Seed once: the stored case becomes the document's first state, marked seeded, and never again.
      const row = db.prepare('SELECT doc FROM cases WHERE uuid = ?').get(name.uuid);
      if (!row) throw new SyncRefusal('sync.badDoc', `This library has no case ${name.uuid}`);
      const stored = CaseDoc.parse(JSON.parse(String(row.doc)));
      // A case another machine made and announced through its volume has no text here yet: that
      // machine writes it (seeding an empty case would put an empty block before its text).
      if (stored.blocks.length === 0) return null;
      const state = seed(stored);
      storeState(db, documentName, state, undefined, true);
      log(`sync: seeded ${documentName} from the stored case (${state.byteLength} bytes)`);
      return state;
    },
    store: async ({ documentName, state }) => {
      // `state` was encoded just before this call, synchronously: every update logged so far has
      // been applied to the document, so the log up to its current end is folded in. An update
      // logged later stays in the log (replaying it again is harmless).
      const last = db.prepare('SELECT max(id) AS id FROM sync_updates WHERE doc = ?').get(documentName);
      const upTo = last?.id === null || last?.id === undefined ? undefined : Number(last.id);
      try {
        storeState(db, documentName, state, upTo);
      } catch (err) {
        log(`sync: could not store ${documentName} (its updates stay in the log): ${String(err)}`);
        throw err;
      }
    },
  });

  /** Marks a merged case for review in its volume's document (when it was signed). */
  const markForReview = async (caseUuid: string): Promise<void> => {
    const vol = db.prepare('SELECT v.uuid FROM cases c JOIN volumes v ON v.id = c.volume_id WHERE c.uuid = ?').get(caseUuid);
    if (!vol) return;
    try {
      const conn = await server.hocuspocus.openDirectConnection(volumeDocName(String(vol.uuid)), SERVER_CONTEXT);
      try {
        await conn.transact((doc) => {
          if (markMergedCase(doc, caseUuid, new Date().toISOString())) log(`sync: case ${caseUuid} marked for review`);
        });
      } finally {
        await conn.disconnect();
      }
    } catch (err) {
      log(`sync: could not mark case ${caseUuid} for review: ${String(err)}`);
    }
  };

  const server = new Server<ConnectionContext>({
    name: 'casebook-sync',
    port: opts.port ?? 0,
    address: host,
    stopOnSignals: false,
    quiet: true,
    debounce: opts.debounceMs ?? 2000,
    maxDebounce: opts.maxDebounceMs ?? 10_000,
    // The same document options as every peer's (shared/sync/yDoc.ts): snapshots need the deleted items.
    yDocOptions: SHARED_DOC_OPTIONS,
    maxPendingDocuments: MAX_PENDING_DOCUMENTS,
    maxUnauthenticatedQueueMessages: MAX_UNAUTHENTICATED_MESSAGES,
    maxUnauthenticatedQueueSize: MAX_UNAUTHENTICATED_BYTES,
    // Frames a little over the limit still reach beforeHandleMessage (which says why it refuses);
    // anything far larger is cut by the socket itself.
    websocketOptions: { maxPayload: maxUpdateBytes + 1024 * 1024 },
    extensions: [hooks, database],
  });

  if (opts.tls) {
    // Hocuspocus makes a plain HTTP server; the TLS one takes its place and hands it the upgrades
    // and requests (the same handlers, so both schemes behave alike).
    const plain = server.httpServer;
    const secure = https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, server.requestHandler);
    secure.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => plain.emit('upgrade', req, socket, head));
    server.httpServer = secure as unknown as HttpServer;
  }

  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  try {
    // Hocuspocus's listen() never settles when the port is taken; the server's error event says so.
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.listen().then(() => {
        server.httpServer.off('error', reject);
        resolve();
      }, reject);
    });
  } catch (err) {
    if (ownLib) lib.close();
    const code = (err as { code?: unknown }).code;
    throw new Error(`The sync server cannot listen on ${wsHost(host)}:${opts.port ?? 0}: ${String(code ?? err)}`, { cause: err });
  }
  const port = server.address.port;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      userWatch.stop();
      const stopped = new Promise<void>((resolve) => server.httpServer.once('close', () => resolve()));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        server.destroy(),
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            log('sync: documents were still being stored at close; their updates are in the log');
            resolve();
          }, CLOSE_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
      // Hocuspocus tells each document it is closed but leaves the sockets open; cut them.
      for (const socket of sockets) socket.destroy();
      if (server.httpServer.listening) server.httpServer.close();
      await stopped;
      rows.flush();
      if (ownLib) lib.close();
    })();
    return closing;
  };

  const secure = opts.tls !== undefined;
  return {
    url: `${secure ? 'wss' : 'ws'}://${wsHost(host)}:${port}`,
    httpUrl: `${secure ? 'https' : 'http'}://${wsHost(host)}:${port}`,
    fingerprint: opts.tls ? fingerprintOf(opts.tls.cert) : null,
    host,
    port,
    openDocuments: () => [...server.hocuspocus.documents.keys()],
    close,
  };
}

/**
 * The server's HTTP side: `GET|HEAD /scans/<sha256>.<ext>` with `Authorization: Bearer <token>` of
 * any user (viewers read scans too), served like the browser mode serves them; nothing else.
 */
async function serveHttp(req: IncomingMessage, res: ServerResponse, lib: Library, log: (line: string) => void): Promise<void> {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const segments = rawPathSegments(req.url ?? '/');
  if (segments === null) return sendText(res, 400, 'Bad path');
  const isScan = segments[0] === 'scans' && segments.length === 2;
  const isCatalog = segments[0] === 'volumes' && (segments.length === 1 || segments.length === 2);
  if (!isScan && !isCatalog) return sendText(res, 404, 'Not found');
  const auth = authenticate(lib.db, bearerToken(req.headers.authorization));
  if (!auth.ok) {
    const [code, text] = AUTH_REFUSALS[auth.refusal];
    return sendText(res, 401, `${code}: ${text}`, { 'WWW-Authenticate': 'Bearer' });
  }
  if (isCatalog) {
    // The volumes a new machine asks for first, and each one's import data (see catalog.ts).
    if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed', { Allow: 'GET' });
    const body = segments.length === 1 ? listCatalog(lib.db) : volumeImport(lib.db, decodeURIComponent(segments[1]!));
    if (body === null) return sendText(res, 404, 'Not found');
    return sendJson(res, 200, body);
  }
  try {
    await serveScan(req, res, lib.scansDir, segments[1]!);
  } catch (err) {
    log(`sync: serving ${req.url ?? ''} failed: ${String(err)}`);
    if (!res.headersSent) sendText(res, 500, 'Internal server error');
    else res.destroy();
  }
}
