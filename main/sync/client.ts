import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { withBlockIds } from '../../shared/model/blockIds.ts';
import type { CaseDoc } from '../../shared/model/caseDoc.ts';
import { openCaseReplica, readCaseAt, type CaseReplica } from '../../shared/sync/caseReplica.ts';
import { SYNC_SCHEMA_VERSION, caseDocName, reasonCode, volumeDocName } from '../../shared/sync/docNames.ts';
import { mergeLocalIntoShared } from '../../shared/sync/mergeLocal.ts';
import { encodeCaseSnapshot, readVolume } from '../../shared/sync/volumeDoc.ts';
import { newSharedDoc } from '../../shared/sync/yDoc.ts';
import type { Library } from '../store/db.ts';
import { CatalogEntry, VolumeImport, materializeVolume } from './catalog.ts';
import { clearDirty, drainLocalChanges, isDirty, markDirty } from './dirty.ts';
import { httpGet } from './httpGet.ts';
import { pinnedTlsOptions, tlsWebSocket } from './tls.ts';
import { canonicalDoc, initSyncBases, setSyncBase, storedDoc, syncBase, writeCaseFromShared } from './caseRows.ts';
import { appendUpdate, compact as compactDoc, loadInto } from './updateLog.ts';
import { applyVolumeToLibrary, publishVolume, volumeBase, type VolumeBase } from './volumeSync.ts';

/**
 * An app's side of team sync: a replica of every case of the library (a Y document bound to a
 * headless editor, loaded from the library's log), all connected to the office server over one
 * socket. Every update of a document — made here or received — is appended to the library's log
 * the moment it exists; a change received from the team rebuilds the case's row (text, search
 * index, a 'merge' revision) shortly after, from the merged document.
 */

export type SyncState = 'connecting' | 'connected' | 'offline' | 'refused';

export interface SyncStatus {
  /**
   * connecting: the first connection (or, once connected, the documents' hand-shake) is under way;
   * connected: the server answers; offline: the server cannot be reached (retrying on its own);
   * refused: the server refused this app (token, user, schema version: see `reason`); no retry.
   */
  state: SyncState;
  /** Why the app is refused (the server's `<code>: <text>`) or offline (the socket's close). */
  reason?: string;
  /** Documents whose changes the server has not confirmed yet, or that are not synced yet (all of them while offline). */
  pendingDocs: number;
  /** Documents the server refused one by one (`sync.badDoc`: a case it does not have); never pending. */
  refusedDocs: number;
  /**
   * The last failure to append an update to the library's log, if any. The update stays in memory
   * and with the server, which sends it back after a restart; only one made offline could be lost.
   */
  logError?: string;
}

export interface SyncClientOptions {
  lib: Library;
  /** The server's socket address (`ws://host:port` or `wss://…`); the schema version is added to it. */
  url: string;
  token: string;
  /**
   * For `wss://`: the server certificate (PEM) the user confirmed. Only a server showing it is
   * talked to (the token is never sent elsewhere); without it, the system's authorities decide.
   */
  certificate?: string | null;
  /** The user of this app: the author of the revisions its own collaborative typing makes (merges are by 'sync'). */
  who: string;
  /** How long a case waits after a change from the team before its row is rebuilt; default 500 ms. */
  rebuildDelayMs?: number;
  /**
   * The origin of edits made in this app's own collaborative editor (the local hub's): they rebuild
   * the row as the user's save, not as a merge.
   */
  localEditOrigin?: unknown;
  /** How long a volume waits after a change from the team before its rows are written; default 30 ms. */
  volumeApplyDelayMs?: number;
  /** How often the library's local writes are looked for and sent; default 250 ms (see also `syncLocal`). */
  localSyncMs?: number;
  onCaseRebuilt?: (caseId: number) => void;
  /** Documents attached to the socket at once, each batch waiting for the previous one to sync; default 20. */
  batchSize?: number;
  /** Reconnection back-off: first delay and ceiling (ms); defaults 1000 and 15000. */
  reconnectDelayMs?: number;
  reconnectMaxDelayMs?: number;
  /** A sync step sent this often keeps an idle connection alive on both sides; default 10000 ms. */
  keepAliveMs?: number;
  /** The socket is deemed dead (and reconnected) after this long without a message; default 30000 ms. */
  idleTimeoutMs?: number;
}

export interface SyncClient {
  status(): SyncStatus;
  /** Calls `listener` on every change of status; returns the unsubscribe function. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Resolves once connected with every document synced and nothing unconfirmed; rejects when the client closes first. */
  whenSynced(): Promise<void>;
  /** Writes the case's saved document into its shared document (the smallest edits); logged and sent at once. */
  saveLocal(caseId: number, doc: CaseDoc): void;
  /** The case's shared document as it is now (merged changes included). */
  readCase(caseId: number): CaseDoc;
  /** Starts syncing a case created since the client started (a no-op for one already tracked). */
  track(caseId: number): void;
  /** Whether the client keeps a replica of this case. */
  isTracked(caseId: number): boolean;
  /**
   * Rebuilds now the rows of the cases with pending team changes (of `caseId` only, when given);
   * returns how many rows were written. A save should call it first: its version check then sees
   * the merge, instead of saving over it (and `saveLocal` undoing it in the shared document).
   */
  flushRebuilds(caseId?: number): number;
  /** Folds each document's log into its stored state; bytes before and after, summed over the documents. */
  compact(): { before: number; after: number };
  /** Sends the library's local writes into the shared documents now (also done every `localSyncMs`). */
  syncLocal(): void;
  /** Writes the team's volume changes into the rows now (also done shortly after they arrive). */
  flushVolumes(): void;
  /** The case as it read at a sign-off's pinned snapshot (null: not tracked or no such snapshot here). */
  readCaseAt(caseId: number, snapshot: string): CaseDoc | null;
  /** Tells the team which case this app has open (null: none). */
  setPresence(caseUuid: string | null): void;
  /** Who else is online (through the same server), and on which case (its uuid) if any. */
  peers(): { user: string; caseUuid: string | null }[];
  /** The replica document of a shared document's name (the local hub bridges editors to it), or null. */
  docFor(name: string): Y.Doc | null;
  /** The role the server gave this app's user on this connection; null until it has said (offline, connecting). */
  role(): 'editor' | 'viewer' | null;
  /** Asks the server for volumes this library lacks (done on every connection); resolves when they are set up. */
  discover(): Promise<void>;
  /** Rebuilds pending rows, disconnects and releases everything (no timer, no socket left). */
  close(): Promise<void>;
}

type Phase = 'idle' | 'syncing' | 'live' | 'refused';

/** What every shared document of the client has: its Y document, its provider and where it stands. */
interface DocEntry {
  name: string;
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  phase: Phase;
}

/** A volume's document: case fields, page statuses and the workflow log (shared/sync/volumeDoc.ts). */
interface VolumeEntry extends DocEntry {
  volumeId: number;
  uuid: string;
  applyTimer: NodeJS.Timeout | null;
  /** What the volume's rows and its document last agreed on, field by field. */
  base: VolumeBase;
}

interface Entry extends DocEntry {
  caseId: number;
  replica: CaseReplica;
  /** The user typed in the collaborative editor since the row was last written. */
  typed: boolean;
  rebuildTimer: NodeJS.Timeout | null;
}

/** Refusals that concern one document; any other refusal concerns the app (token, user, schema). */
const DOC_REFUSALS = new Set(['sync.badDoc', 'sync.tooLarge']);
/** A document's log is compacted once it holds this many updates, looked at this often. */
const COMPACT_AFTER_ROWS = 500;
const COMPACT_EVERY_MS = 60_000;
/** How often a document the server does not know yet is asked for again (250 ms, doubling). */
const BAD_DOC_RETRIES = 5;

/** Whether a document holds anything at all (never seeded: nothing; emptied by an edit: deleted items). */
function hasContent(ydoc: Y.Doc): boolean {
  return ydoc.store.clients.size > 0;
}

/**
 * A Hocuspocus sync-step-1 message for `name` with the document's state vector: the server answers
 * it (what this app lacks, normally nothing, and its own step 1), so traffic flows both ways and
 * neither side deems an idle socket dead. (A QueryAwareness gets no answer from a v4 server.)
 */
function keepAliveMessage(name: string, ydoc: Y.Doc): Uint8Array {
  const bytes: number[] = [];
  const varUint = (n: number) => {
    while (n > 0x7f) {
      bytes.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    bytes.push(n);
  };
  const varBytes = (b: Uint8Array) => {
    varUint(b.length);
    for (const x of b) bytes.push(x);
  };
  varBytes(new TextEncoder().encode(name));
  varUint(0); // MessageType.Sync
  varUint(0); // y-protocols messageYjsSyncStep1
  varBytes(Y.encodeStateVector(ydoc));
  return new Uint8Array(bytes);
}

function socketUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}schema=${SYNC_SCHEMA_VERSION}`;
}

export function startSyncClient(opts: SyncClientOptions): SyncClient {
  const db = opts.lib.db;
  const rebuildDelayMs = opts.rebuildDelayMs ?? 500;
  const volumeApplyDelayMs = opts.volumeApplyDelayMs ?? 30;
  const localSyncMs = opts.localSyncMs ?? 250;
  const batchSize = Math.max(1, opts.batchSize ?? 20);
  const keepAliveMs = opts.keepAliveMs ?? 10_000;
  const entries = new Map<number, Entry>();
  const volEntries = new Map<number, VolumeEntry>();
  /** Volumes first: a new machine learns its cases from them. */
  const allEntries = (): DocEntry[] => [...volEntries.values(), ...entries.values()];
  /** Retry timers of documents the server did not know yet (cleared on close). */
  const retries = new Set<NodeJS.Timeout>();
  /** The case this app has open (its uuid), told to the team through the volumes' awareness. */
  let presence: string | null = null;
  const listeners = new Set<(status: SyncStatus) => void>();
  const waiters = new Set<{ resolve: () => void; reject: (err: Error) => void }>();

  let closed = false;
  let socketUp = false;
  let everDown = false;
  let downReason: string | undefined;
  let refusedReason: string | undefined;
  let lastDocRefusal: string | undefined;
  let logError: string | undefined;
  let lastStatusKey = '';
  let pumpHandle: NodeJS.Immediate | null = null;

  const secure = /^wss:/i.test(opts.url);
  const tlsOptions = secure && opts.certificate ? pinnedTlsOptions(opts.certificate) : undefined;
  /**
   * The server shows another certificate than the confirmed one (or, with none confirmed, one the
   * system does not vouch for): refused until the user confirms one.
   */
  const certificateFailed = (err: Error): void => {
    if (closed || refusedReason !== undefined) return;
    refusedReason = `${tlsOptions ? 'sync.certChanged' : 'sync.certUntrusted'}: ${err.message}`;
    socket.disconnect();
    detachAll();
    emitStatus();
  };

  const socket = new HocuspocusProviderWebsocket({
    url: socketUrl(opts.url),
    ...(secure ? { WebSocketPolyfill: tlsWebSocket(tlsOptions ?? {}, (err) => certificateFailed(err)) } : {}),
    delay: opts.reconnectDelayMs ?? 1000,
    minDelay: Math.min(opts.reconnectDelayMs ?? 1000, 500),
    maxDelay: opts.reconnectMaxDelayMs ?? 15_000,
    factor: 2,
    jitter: true,
    maxAttempts: 0,
    messageReconnectTimeout: opts.idleTimeoutMs ?? 30_000,
  });

  const computeStatus = (): SyncStatus => {
    let pending = 0;
    let refusedDocs = 0;
    let answered = 0;
    const all = allEntries();
    for (const e of all) {
      if (e.phase === 'refused') refusedDocs++;
      else if (e.phase !== 'live' || e.provider.hasUnsyncedChanges) pending++;
      if (e.phase === 'live' || e.phase === 'refused') answered++;
    }
    let state: SyncState;
    let reason: string | undefined;
    if (refusedReason !== undefined) {
      state = 'refused';
      reason = refusedReason;
    } else if (!socketUp) {
      state = everDown ? 'offline' : 'connecting';
      reason = everDown ? downReason : undefined;
    } else if (all.length === 0 || all.some((e) => e.phase === 'live')) {
      state = 'connected';
    } else if (answered > 0 && answered === refusedDocs && refusedDocs === all.length) {
      // Every document refused one by one: the server has none of this library's cases.
      state = 'refused';
      reason = lastDocRefusal;
    } else {
      state = 'connecting';
    }
    return {
      state,
      ...(reason === undefined ? {} : { reason }),
      pendingDocs: pending,
      refusedDocs,
      ...(logError === undefined ? {} : { logError }),
    };
  };

  const emitStatus = (): void => {
    if (closed) return;
    const status = computeStatus();
    const key = JSON.stringify(status);
    if (key !== lastStatusKey) {
      lastStatusKey = key;
      for (const l of [...listeners]) {
        try {
          l(status);
        } catch (err) {
          console.error('sync: a status listener failed', err);
        }
      }
    }
    if (status.state === 'connected' && status.pendingDocs === 0) {
      for (const w of [...waiters]) {
        waiters.delete(w);
        w.resolve();
      }
    }
  };

  /** Attaches the next documents, at most `batchSize` of them waiting for their first sync at a time. */
  const pump = (): void => {
    if (closed || !socketUp || refusedReason !== undefined) return;
    let inFlight = 0;
    for (const e of allEntries()) if (e.phase === 'syncing') inFlight++;
    for (const e of allEntries()) {
      if (inFlight >= batchSize) break;
      if (e.phase !== 'idle') continue;
      e.phase = 'syncing';
      inFlight++;
      e.provider.attach();
    }
    emitStatus();
  };
  const schedulePump = (): void => {
    if (closed || pumpHandle !== null) return;
    // Not inside the socket's own 'open' handling: a provider attached there would miss the open.
    pumpHandle = setImmediate(() => {
      pumpHandle = null;
      pump();
    });
  };

  /** Lets go of every document (nothing queued for a closed socket: each re-syncs by hand-shake when attached again). */
  const detachAll = (): void => {
    for (const e of allEntries()) {
      if (e.provider.isAttached) e.provider.detach();
      if (e.phase !== 'refused' || refusedReason === undefined) e.phase = 'idle';
    }
    // Detaching queues a close message per document for the next connection, where it would close
    // the documents attached again; drop them (the queue holds nothing else: detached providers send nothing).
    (socket as unknown as { messageQueue: unknown[] }).messageQueue = [];
  };

  socket.on('status', ({ status }: { status: WebSocketStatus }) => {
    if (closed) return;
    if (status === WebSocketStatus.Connected) {
      if (!socketUp) {
        socketUp = true;
        downReason = undefined;
        schedulePump();
        void discover();
      }
    } else if (status === WebSocketStatus.Disconnected) {
      // 'disconnect' follows at once: it lets go of the documents and tells.
      everDown = true;
      socketUp = false;
      return;
    }
    emitStatus();
  });
  socket.on('disconnect', ({ event }: { event: { code?: number; reason?: string } | undefined }) => {
    if (closed) return;
    socketUp = false;
    everDown = true;
    const code = event?.code;
    const refusal = event?.reason ? reasonCode(event.reason) : '';
    if (refusal.startsWith('sync.') && !DOC_REFUSALS.has(refusal)) {
      // The server cut this app (its user revoked or expired meanwhile): refused, not offline, and
      // no reconnection to be refused again.
      refusedReason = event!.reason;
      socket.disconnect();
    } else {
      downReason = `disconnected${code === undefined ? '' : ` (${code}${event?.reason ? `: ${event.reason}` : ''})`}`;
    }
    detachAll();
    emitStatus();
  });

  const keepAlive = setInterval(() => {
    if (closed || !socketUp) return;
    // A document with nothing in flight: the server's acknowledgement of the exchange cannot be taken for an update's.
    const live = allEntries().find((e) => e.phase === 'live' && e.provider.isAttached && !e.provider.hasUnsyncedChanges);
    if (live && socket.webSocket?.readyState === WebSocket.OPEN) socket.send(keepAliveMessage(live.name, live.ydoc));
  }, keepAliveMs);
  keepAlive.unref();

  const rebuild = (entry: Entry): boolean => {
    if (entry.rebuildTimer !== null) {
      clearTimeout(entry.rebuildTimer);
      entry.rebuildTimer = null;
    }
    // A local write not yet in the document would be overwritten by the row rebuilt from it.
    if (isDirty(db, 'case', entry.caseId)) syncLocal();
    if (!hasContent(entry.ydoc)) return false;
    const read = entry.replica.read();
    const doc = withBlockIds(read);
    // Blocks without an id (or with a repeated one) get theirs in the shared document too, so
    // every machine's row carries the same ids (two machines naming one block at once: one name wins).
    if (doc !== read) entry.replica.apply(doc);
    const by = entry.typed ? { kind: 'save' as const, who: opts.who } : { kind: 'merge' as const, who: 'sync' };
    entry.typed = false;
    const written = writeCaseFromShared(db, entry.caseId, doc, by);
    if (!written) {
      setSyncBase(db, entry.caseId);
      return false;
    }
    notifyChanged(entry.caseId);
    return true;
  };

  const scheduleRebuild = (entry: Entry): void => {
    if (closed) return;
    if (entry.rebuildTimer !== null) clearTimeout(entry.rebuildTimer);
    entry.rebuildTimer = setTimeout(() => {
      entry.rebuildTimer = null;
      try {
        rebuild(entry);
      } catch (err) {
        console.error(`sync: rebuilding case ${entry.caseId} failed`, err);
      }
    }, rebuildDelayMs);
  };

  /** A provider for `name` over the shared socket, logging every update of `ydoc` but the stored state's. */
  const connectDoc = <E extends DocEntry>(
    name: string,
    ydoc: Y.Doc,
    make: (provider: HocuspocusProvider) => E,
    onRemote: (entry: E) => void,
    onFirstSync?: (entry: E) => void,
    onLocalEdit?: (entry: E) => void,
    withAwareness = false,
  ): E => {
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: ydoc,
      token: opts.token,
      // A case's document has no cursor here (the editors' cursors stay on the local hub); a
      // volume's carries who is online and on which case.
      ...(withAwareness ? {} : { awareness: null }),
    });
    const entry = make(provider);
    let firstSync = true;
    let refusals = 0;
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'store') return;
      try {
        appendUpdate(db, name, update);
      } catch (err) {
        // Thrown from here it would unwind through Yjs and the socket's message handler.
        logError = `${name}: ${err instanceof Error ? err.message : String(err)}`;
        console.error(`sync: could not log an update of ${name}`, err);
        queueMicrotask(emitStatus);
      }
      if (origin === provider) onRemote(entry);
      else if (origin !== undefined && origin === opts.localEditOrigin) onLocalEdit?.(entry);
    });
    provider.on('synced', () => {
      if (closed || entry.phase !== 'syncing') return;
      entry.phase = 'live';
      if (firstSync) {
        firstSync = false;
        onFirstSync?.(entry);
      }
      schedulePump();
      emitStatus();
    });
    provider.on('unsyncedChanges', () => emitStatus());
    provider.on('close', ({ event }: { event: { reason?: string } | undefined }) => {
      // The socket's own close reaches here after it went down; while it is up, the server closed
      // this one document (an update it would not take): it waits for the next connection.
      if (closed || !socketUp || entry.phase === 'idle') return;
      // The echo of this app's own detach (after a refusal) can arrive once it is attached again.
      if (event?.reason === 'provider_initiated') return;
      entry.phase = 'refused';
      lastDocRefusal = event?.reason || 'closed by the server';
      if (provider.isAttached) provider.detach();
      schedulePump();
      emitStatus();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      if (closed) return;
      const code = reasonCode(reason);
      if (code === 'sync.badDoc' && refusals < BAD_DOC_RETRIES) {
        // A case made here reaches the server with its volume's document a moment later: ask again
        // a few times (on the same attachment: a detach's echo would close the next one).
        entry.phase = 'refused';
        lastDocRefusal = reason;
        const delay = 250 * 2 ** refusals++;
        const retry = setTimeout(() => {
          retries.delete(retry);
          if (closed || entry.phase !== 'refused' || refusedReason !== undefined || !provider.isAttached) return;
          entry.phase = 'syncing';
          void provider.sendToken().then(() => provider.startSync());
          emitStatus();
        }, delay);
        retries.add(retry);
        schedulePump();
      } else if (DOC_REFUSALS.has(code)) {
        entry.phase = 'refused';
        lastDocRefusal = reason;
        if (provider.isAttached) provider.detach();
        schedulePump();
      } else {
        // The app itself is refused (token, user, schema): nothing will change until it is restarted.
        refusedReason = reason;
        socket.disconnect();
        detachAll();
      }
      emitStatus();
    });
    return entry;
  };

  const open = (caseId: number, uuid: string): Entry => {
    const name = caseDocName(uuid);
    const ydoc = newSharedDoc();
    const replica = openCaseReplica(ydoc);
    // Load before the provider and the log listener exist: the stored state is neither sent as a
    // change (the hand-shake sends what the server lacks) nor logged again.
    loadInto(db, name, ydoc, 'store');
    const entry = connectDoc(
      name,
      ydoc,
      (provider): Entry => ({ caseId, name, ydoc, replica, provider, phase: 'idle', rebuildTimer: null, typed: false }),
      (e) => scheduleRebuild(e),
      (e) => seedIfOurs(e),
      (e) => {
        e.typed = true;
        scheduleRebuild(e);
      },
    );
    entries.set(caseId, entry);
    return entry;
  };

  const openVolume = (volumeId: number, uuid: string): VolumeEntry => {
    const name = volumeDocName(uuid);
    const ydoc = newSharedDoc();
    loadInto(db, name, ydoc, 'store');
    const entry = connectDoc(
      name,
      ydoc,
      (provider): VolumeEntry => ({
        volumeId,
        uuid,
        name,
        ydoc,
        provider,
        phase: 'idle',
        applyTimer: null,
        base: volumeBase(readVolume(ydoc)),
      }),
      (e) => scheduleVolumeApply(e),
      (e) => {
        // What the library did meanwhile goes out; what the team did comes in.
        applyVolume(e);
        publish(e);
      },
      undefined,
      true,
    );
    entry.provider.awareness?.setLocalState({ user: opts.who, case: presence });
    volEntries.set(volumeId, entry);
    return entry;
  };

  /** The team's volume changes into the library's rows; cases new to this machine start syncing. */
  const applyVolume = (e: VolumeEntry): void => {
    if (e.applyTimer !== null) clearTimeout(e.applyTimer);
    e.applyTimer = null;
    if (closed) return;
    const applied = applyVolumeToLibrary(db, e.uuid, readVolume(e.ydoc), e.base);
    if (applied.volumeId !== e.volumeId) {
      volEntries.delete(e.volumeId);
      e.volumeId = applied.volumeId;
      volEntries.set(e.volumeId, e);
    }
    let added = false;
    for (const uuid of applied.createdCases) {
      const row = db.prepare('SELECT id FROM cases WHERE uuid = ?').get(uuid);
      if (row && !entries.has(Number(row.id))) {
        open(Number(row.id), uuid);
        added = true;
      }
    }
    if (added) schedulePump();
    for (const caseId of applied.touchedCases) notifyChanged(caseId);
  };

  const scheduleVolumeApply = (e: VolumeEntry): void => {
    if (closed) return;
    if (e.applyTimer !== null) clearTimeout(e.applyTimer);
    e.applyTimer = setTimeout(() => {
      try {
        applyVolume(e);
      } catch (err) {
        console.error(`sync: applying ${e.name} failed`, err);
      }
    }, volumeApplyDelayMs);
  };

  /** The library's volume rows into the volume's document (only what differs), pinning new events' text. */
  const publish = (e: VolumeEntry): void => {
    if (closed) return;
    // What the team changed and the rows have not taken in yet comes in first.
    if (e.applyTimer !== null) applyVolume(e);
    publishVolume(
      db,
      e.volumeId,
      e.ydoc,
      (caseUuid) => {
        const row = db.prepare('SELECT id FROM cases WHERE uuid = ?').get(caseUuid);
        const entry = row ? entries.get(Number(row.id)) : undefined;
        return entry && hasContent(entry.ydoc) ? encodeCaseSnapshot(entry.ydoc) : null;
      },
      null,
      e.base,
    );
  };

  /**
   * Clients never seed a case the server has: only a case this machine made (imported here, its
   * first revision not written by sync) whose shared document is still empty after the first
   * exchange with the server is written into it, from its row.
   */
  const seedIfOurs = (e: Entry): void => {
    if (hasContent(e.ydoc)) return;
    const doc = storedDoc(db, e.caseId);
    if (!doc || doc.blocks.length === 0) return;
    const first = db.prepare('SELECT who FROM case_revisions WHERE case_id = ? ORDER BY version LIMIT 1').get(e.caseId);
    if (!first || first.who === 'sync') return;
    e.replica.apply(doc);
    setSyncBase(db, e.caseId);
  };

  const notifyChanged = (caseId: number): void => {
    try {
      opts.onCaseRebuilt?.(caseId);
    } catch (err) {
      console.error('sync: onCaseRebuilt failed', err);
    }
  };

  /**
   * A case's row, written locally since its shared document last took it in, into that document:
   * merged block by block against the row version the document last took in (its document is in
   * the revision history), so what the team changed meanwhile in other blocks stays.
   */
  const takeInLocal = (entry: Entry): void => {
    const row = db.prepare('SELECT version FROM cases WHERE id = ?').get(entry.caseId);
    const local = storedDoc(db, entry.caseId);
    if (!row || !local) return;
    const base = syncBase(db, entry.caseId);
    if (base && base.version === Number(row.version)) return; // nothing written locally since
    const shared = entry.replica.read();
    const merged = mergeLocalIntoShared(base?.doc ?? shared, local, shared);
    if (canonicalDoc(merged) !== canonicalDoc(shared)) entry.replica.apply(merged);
    setSyncBase(db, entry.caseId);
    if (canonicalDoc(merged) !== canonicalDoc(local)) scheduleRebuild(entry);
  };

  /**
   * Local writes (saves, restores, replaces, sign-offs, bulk edits: whatever wrote the rows, as the
   * triggers of migration 0008 recorded it) into the shared documents. A case's write is merged
   * block by block with what the team changed meanwhile (shared/sync/mergeLocal.ts); a case whose
   * document has not come from the server yet waits (writing it now would seed it twice).
   */
  const syncLocal = (): void => {
    if (closed) return;
    const changes = drainLocalChanges(db);
    const later: number[] = [];
    const laterVolumes: number[] = [];
    for (const caseId of changes.cases) {
      const uuid = entries.has(caseId) ? null : uuidOrNull(caseId);
      const entry = entries.get(caseId) ?? (uuid === null ? undefined : open(caseId, uuid));
      if (!entry) continue;
      if (!hasContent(entry.ydoc)) {
        later.push(caseId);
        continue;
      }
      takeInLocal(entry);
    }
    for (const volumeId of changes.volumes) {
      const uuid = db.prepare('SELECT uuid FROM volumes WHERE id = ?').get(volumeId);
      if (!uuid) continue;
      const entry = volEntries.get(volumeId) ?? openVolume(volumeId, String(uuid.uuid));
      // Offline too (logged, sent on reconnection); but never into a document the server has not
      // sent yet: the server's seed holds the same events, and a second copy would double them.
      if (hasContent(entry.ydoc)) publish(entry);
      else laterVolumes.push(volumeId);
    }
    markDirty(db, 'case', later);
    markDirty(db, 'vol', laterVolumes);
    if (changes.cases.length + changes.volumes.length > 0) {
      schedulePump();
      emitStatus();
    }
  };

  /**
   * Volumes the server has and this library lacks (a new machine, or a volume imported elsewhere):
   * their import data and scan files come over HTTP, then their documents sync like the others.
   */
  let discovering: Promise<void> | null = null;
  const discover = (): Promise<void> => {
    discovering ??= (async () => {
      try {
        const catalog = CatalogEntry.array().parse(await getJson('/volumes'));
        const known = new Set(
          db
            .prepare('SELECT uuid FROM volumes')
            .all()
            .map((r) => String(r.uuid)),
        );
        for (const entry of catalog) {
          if (closed || known.has(entry.uuid)) continue;
          const data = VolumeImport.parse(await getJson(`/volumes/${encodeURIComponent(entry.uuid)}`));
          if (closed) return;
          const volumeId = materializeVolume(db, data);
          for (const file of data.scan?.files ?? []) await fetchScan(file);
          if (!volEntries.has(volumeId)) openVolume(volumeId, entry.uuid);
          schedulePump();
        }
      } catch (err) {
        if (!closed) console.error('sync: could not list the server’s volumes (tried again on the next connection)', err);
      } finally {
        discovering = null;
      }
    })();
    return discovering;
  };

  const httpBase = opts.url.replace(/^ws/i, 'http').replace(/\/+$/, '');
  const get = async (route: string): Promise<Buffer> => {
    const res = await httpGet(`${httpBase}${route}`, { Authorization: `Bearer ${opts.token}` }, tlsOptions);
    if (res.status !== 200) throw new Error(`GET ${route}: HTTP ${res.status}`);
    return res.body;
  };
  const getJson = async (route: string): Promise<unknown> => JSON.parse((await get(route)).toString('utf8'));

  /** A scan file by its content-hash name, checked against that hash before it is kept. */
  const fetchScan = async (file: string): Promise<void> => {
    const target = path.join(opts.lib.scansDir, file);
    if (!/^[0-9a-f]{64}\.[a-z0-9]{1,8}$/.test(file) || fs.existsSync(target)) return;
    const bytes = await get(`/scans/${file}`);
    if (createHash('sha256').update(bytes).digest('hex') !== file.slice(0, 64))
      throw new Error(`scan ${file}: content does not match its name`);
    const tmp = `${target}.${process.pid}.part`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  };

  const uuidOrNull = (caseId: number): string | null => {
    const row = db.prepare('SELECT uuid FROM cases WHERE id = ?').get(caseId);
    return row ? String(row.uuid) : null;
  };

  const uuidOf = (caseId: number): string => {
    const uuid = uuidOrNull(caseId);
    if (uuid === null) throw new Error(`No case ${caseId} in the library`);
    return uuid;
  };

  const entryOf = (caseId: number): Entry => {
    const entry = entries.get(caseId);
    if (!entry) throw new Error(`Case ${caseId} is not synced (track it first)`);
    return entry;
  };

  initSyncBases(db);
  for (const r of db.prepare('SELECT id, uuid FROM volumes ORDER BY id').all()) openVolume(Number(r.id), String(r.uuid));
  for (const r of db.prepare('SELECT id, uuid FROM cases ORDER BY id').all()) open(Number(r.id), String(r.uuid));
  // What the library wrote before a crash (still marked) goes into the documents first; then any row
  // behind its document (a crash inside the rebuild delay) is rebuilt from it.
  syncLocal();
  for (const e of entries.values()) if (hasContent(e.ydoc)) rebuild(e);
  const localTimer = setInterval(() => {
    try {
      syncLocal();
    } catch (err) {
      console.error('sync: sending local changes failed', err);
    }
  }, localSyncMs);
  localTimer.unref();
  // The log of a busy document is folded into its state now and then (a keystroke is a row).
  const compactTimer = setInterval(() => {
    try {
      const busy = db
        .prepare('SELECT doc FROM sync_updates GROUP BY doc HAVING count(*) >= ?')
        .all(COMPACT_AFTER_ROWS)
        .map((r) => String(r.doc));
      for (const name of busy) compactDoc(db, name);
    } catch (err) {
      console.error('sync: compacting the update log failed (it stays as it is)', err);
    }
  }, COMPACT_EVERY_MS);
  compactTimer.unref();

  const flushRebuilds = (caseId?: number): number => {
    let written = 0;
    for (const e of caseId === undefined ? entries.values() : [entries.get(caseId)].filter((x) => x !== undefined)) {
      if (e.rebuildTimer === null) continue;
      if (rebuild(e)) written++;
    }
    return written;
  };

  return {
    status: computeStatus,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenSynced() {
      if (closed) return Promise.reject(new Error('The sync client is closed'));
      const s = computeStatus();
      if (s.state === 'connected' && s.pendingDocs === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => waiters.add({ resolve, reject }));
    },
    saveLocal(caseId, doc) {
      if (closed) throw new Error('The sync client is closed');
      const entry = entryOf(caseId);
      if (canonicalDoc(doc) !== canonicalDoc(storedDoc(db, caseId) ?? doc)) {
        throw new Error(`saveLocal: case ${caseId}'s row does not hold the document given (save it first)`);
      }
      if (hasContent(entry.ydoc)) takeInLocal(entry);
      else {
        entry.replica.apply(doc);
        setSyncBase(db, caseId);
      }
      clearDirty(db, 'case', caseId);
      emitStatus();
    },
    readCase: (caseId) => entryOf(caseId).replica.read(),
    track(caseId) {
      if (closed || entries.has(caseId)) return;
      open(caseId, uuidOf(caseId));
      schedulePump();
      emitStatus();
    },
    isTracked: (caseId) => entries.has(caseId),
    syncLocal,
    discover,
    setPresence(caseUuid) {
      if (presence === caseUuid) return;
      presence = caseUuid;
      for (const e of volEntries.values()) e.provider.awareness?.setLocalStateField('case', caseUuid);
    },
    peers() {
      const seen = new Map<string, string | null>();
      for (const e of volEntries.values()) {
        const awareness = e.provider.awareness;
        if (!awareness) continue;
        for (const [clientId, state] of awareness.getStates()) {
          if (clientId === awareness.clientID) continue;
          const user = typeof state.user === 'string' ? state.user : null;
          if (!user) continue;
          const open = typeof state.case === 'string' ? state.case : null;
          if (!seen.has(user) || open !== null) seen.set(user, open);
        }
      }
      return [...seen].map(([user, caseUuid]) => ({ user, caseUuid }));
    },
    readCaseAt(caseId, snapshot) {
      const entry = entries.get(caseId);
      if (!entry) return null;
      try {
        return readCaseAt(entry.ydoc, snapshot);
      } catch {
        return null;
      }
    },
    docFor(name) {
      for (const e of entries.values()) if (e.name === name) return hasContent(e.ydoc) ? e.ydoc : null;
      return null;
    },
    role() {
      let editor = false;
      for (const e of allEntries()) {
        if (e.provider.authorizedScope === 'readonly') return 'viewer';
        if (e.provider.authorizedScope === 'read-write') editor = true;
      }
      return editor ? 'editor' : null;
    },
    flushVolumes() {
      for (const e of volEntries.values()) if (e.applyTimer !== null) applyVolume(e);
    },
    flushRebuilds: (caseId) => flushRebuilds(caseId),
    compact() {
      let before = 0;
      let after = 0;
      for (const e of allEntries()) {
        const r = compactDoc(db, e.name);
        before += r.before;
        after += r.after;
      }
      return { before, after };
    },
    async close() {
      if (closed) return;
      try {
        syncLocal();
        for (const e of volEntries.values()) if (e.applyTimer !== null) applyVolume(e);
        flushRebuilds();
      } finally {
        closed = true;
        clearInterval(keepAlive);
        clearInterval(localTimer);
        clearInterval(compactTimer);
        for (const r of retries) clearTimeout(r);
        for (const e of volEntries.values()) {
          if (e.applyTimer !== null) clearTimeout(e.applyTimer);
          e.provider.destroy();
          e.ydoc.destroy();
        }
        if (pumpHandle !== null) clearImmediate(pumpHandle);
        for (const e of entries.values()) {
          if (e.rebuildTimer !== null) clearTimeout(e.rebuildTimer);
          e.provider.destroy();
          e.replica.destroy();
          e.ydoc.destroy();
        }
        const ws = socket.webSocket;
        const wsClosed =
          ws && ws.readyState !== WebSocket.CLOSED
            ? new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, 1000);
                ws.addEventListener('close', () => {
                  clearTimeout(timer);
                  resolve();
                });
              })
            : Promise.resolve();
        socket.destroy();
        // A close just before left a reconnection timer behind, whose connect() would open a new
        // socket after destroy(): nothing connects any more.
        socket.connect = () => Promise.resolve();
        await wsClosed;
        for (const w of waiters) w.reject(new Error('The sync client closed before everything was synced'));
        waiters.clear();
        listeners.clear();
      }
    },
  };
}
