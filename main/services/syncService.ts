import type { IncomingMessage } from 'node:http';
import type { DatabaseSync } from 'node:sqlite';
import type { Duplex } from 'node:stream';
import { AppError } from '../../shared/ipc/errors.ts';
import { docToPlainText } from '../../shared/model/caseDoc.ts';
import type { CollabInfo, SyncCertificate, SyncConnectInput, SyncReview, SyncView } from '../../shared/model/sync.ts';
import { caseDocName } from '../../shared/sync/docNames.ts';
import { storedDoc } from '../sync/caseRows.ts';
import { clearReviewMark } from '../sync/reviewMarks.ts';
import { startSyncClient, type SyncClient } from '../sync/client.ts';
import { createLocalHub, HUB_ORIGIN, type LocalHub } from '../sync/hub.ts';
import { probeCertificate, type CertificateInfo } from '../sync/tls.ts';
import { createToken } from '../web/auth.ts';
import type { AppContext } from './context.ts';

/**
 * A library shared with a team: its connection to the office server (kept in the library, table
 * sync_remote), the sync client that keeps every case and volume in step, and the local hub the
 * collaborative editor talks to. A library without a connection works exactly as before.
 */
export interface SyncService {
  view(): SyncView;
  /** Whether the library is connected as a user the server lets only read (cheap: asked on every channel). */
  readOnly(): boolean;
  /** A `wss://` server's certificate, for its user to compare the fingerprint before connecting. */
  probe(url: string): Promise<SyncCertificate>;
  connect(input: SyncConnectInput): Promise<SyncView>;
  disconnect(): Promise<SyncView>;
  /** What the editor needs to edit `caseId` collaboratively; null when not connected or not synced yet. */
  collab(caseId: number): CollabInfo;
  /** The review mark of a case (a merge changed it after it was signed), with the signed text. */
  review(caseId: number): SyncReview;
  /** Clears a case's review mark (someone reviewed the merge). */
  clearReview(caseId: number): void;
  /** The connected user's name (the signer, whom the server checks), or null. */
  user(): string | null;
  /** Browser mode: the web server hands `/sync` upgrades here. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

interface Remote {
  url: string;
  user: string;
  token: string;
  /** The pinned certificate (PEM) and its fingerprint, for `wss://`. */
  certificate: string | null;
  fingerprint: string | null;
  /** The role the server last gave this user (kept: a viewer started offline stays read-only). */
  role: 'editor' | 'viewer' | null;
}

function readRemote(ctx: AppContext): Remote | null {
  const row = ctx.lib.db
    .prepare('SELECT url, user_name, token, certificate, fingerprint, role FROM sync_remote WHERE id = 1')
    .get();
  if (!row) return null;
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    url: String(row.url),
    user: String(row.user_name),
    token: String(row.token),
    certificate: text(row.certificate),
    fingerprint: text(row.fingerprint),
    role: row.role === 'editor' || row.role === 'viewer' ? row.role : null,
  };
}

/**
 * The role the team server last gave this library's user, as kept in the library (null for a
 * library never connected): what a command-line run, which starts no sync, goes by.
 */
export function keptSyncRole(db: DatabaseSync): 'editor' | 'viewer' | null {
  const row = db.prepare('SELECT role FROM sync_remote WHERE id = 1').get();
  return row?.role === 'editor' || row?.role === 'viewer' ? row.role : null;
}

/** The server's certificate now, or a translated error saying it cannot be reached. */
async function probe(url: string): Promise<CertificateInfo> {
  try {
    return await probeCertificate(url);
  } catch (err) {
    const reason = String((err as { code?: unknown }).code ?? (err as Error).message ?? err);
    throw new AppError('SYNC_UNREACHABLE', `No TLS answer from ${url}: ${reason}`, { url, reason });
  }
}

/**
 * For `wss://`, the certificate to pin: the one the server shows now, which must be the one the
 * user confirmed (its fingerprint came from sync:probe). Plain `ws://` pins nothing.
 */
async function certificateToPin(input: SyncConnectInput): Promise<CertificateInfo | null> {
  if (!/^wss:/i.test(input.url)) return null;
  if (!input.fingerprint) {
    throw new AppError('SYNC_CERT_UNCONFIRMED', 'A wss:// server’s certificate must be confirmed first', { url: input.url });
  }
  const shown = await probe(input.url);
  if (shown.fingerprint !== input.fingerprint) {
    throw new AppError('SYNC_CERT_CHANGED', 'The server now shows another certificate than the one confirmed', {
      confirmed: input.fingerprint,
      shown: shown.fingerprint,
    });
  }
  return shown;
}

export function startSyncService(ctx: AppContext): SyncService {
  const hubToken = createToken();
  let remote = readRemote(ctx);
  let client: SyncClient | null = null;
  let hub: LocalHub | null = null;
  let hubUrl: string | null = null;

  const start = async (): Promise<void> => {
    if (!remote) return;
    client = startSyncClient({
      lib: ctx.lib,
      url: remote.url,
      token: remote.token,
      certificate: remote.certificate,
      who: remote.user,
      localEditOrigin: HUB_ORIGIN,
    });
    const c = client;
    // The server says the role when it authenticates, before the first document is live.
    c.onStatus(() => keepRole(c.role()));
    hub = createLocalHub({ token: hubToken, docFor: (name) => c.docFor(name), isReadOnly: () => readOnly() });
    // Electron has no web server to route upgrades through: the hub listens on its own port.
    if (ctx.mode === 'electron') hubUrl = (await hub.listen()).url;
  };

  const stop = async (): Promise<void> => {
    const h = hub;
    const c = client;
    hub = null;
    client = null;
    hubUrl = null;
    await h?.close();
    await c?.close();
  };

  /** Keeps the role the server gave this user, once it has said, so an app started offline knows it. */
  const keepRole = (said: 'editor' | 'viewer' | null): void => {
    if (!remote || said === null || said === remote.role) return;
    try {
      ctx.lib.db.prepare('UPDATE sync_remote SET role = ? WHERE id = 1').run(said);
      remote = { ...remote, role: said };
    } catch (err) {
      // Kept on the next status change (a busy library must not fail the client's listener).
      console.error('[sync] could not keep the role the server gave', err);
    }
  };

  /**
   * Whether this app may only read: what the server says on this connection, else what it said
   * last (kept in the library), so a viewer started offline writes nothing the server would refuse.
   * A read only: every IPC channel asks it (see viewerGated).
   */
  const readOnly = (): boolean => {
    if (!remote || !client) return false;
    return (client.role() ?? remote.role) === 'viewer';
  };

  const view = (): SyncView => {
    if (!remote || !client) {
      return {
        mode: 'local',
        url: null,
        user: null,
        state: 'local',
        reason: null,
        pending: 0,
        readOnly: false,
        fingerprint: null,
        peers: [],
      };
    }
    const st = client.status();
    return {
      mode: 'connected',
      url: remote.url,
      user: remote.user,
      state: st.state,
      reason: st.reason ?? null,
      pending: st.pendingDocs,
      readOnly: readOnly(),
      fingerprint: remote.fingerprint,
      peers: client.peers().map((p) => {
        const row = p.caseUuid ? ctx.lib.db.prepare('SELECT id, title FROM cases WHERE uuid = ?').get(p.caseUuid) : undefined;
        return { user: p.user, caseId: row ? Number(row.id) : null, title: row ? String(row.title) : null };
      }),
    };
  };

  const started = start().catch((err: unknown) => console.error('[sync] could not start', err));

  return {
    view,
    readOnly,
    async probe(url) {
      const { pem: _pem, ...shown } = await probe(url);
      return shown;
    },
    async connect(input) {
      const pin = await certificateToPin(input);
      await started;
      await stop();
      ctx.lib.db
        .prepare(
          `INSERT INTO sync_remote (id, url, user_name, token, certificate, fingerprint, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET url = excluded.url, user_name = excluded.user_name, token = excluded.token,
             certificate = excluded.certificate, fingerprint = excluded.fingerprint, role = NULL`,
        )
        .run(input.url, input.user, input.token, pin?.pem ?? null, pin?.fingerprint ?? null, new Date().toISOString());
      remote = readRemote(ctx);
      await start();
      return view();
    },
    async disconnect() {
      await started;
      await stop();
      ctx.lib.db.prepare('DELETE FROM sync_remote').run();
      remote = null;
      return view();
    },
    collab(caseId) {
      if (!client || !remote) return null;
      const row = ctx.lib.db.prepare('SELECT uuid FROM cases WHERE id = ?').get(caseId);
      if (!row) throw new AppError('NOT_FOUND', `No case ${caseId}`, { id: caseId });
      const docName = caseDocName(String(row.uuid));
      // Asking to edit a case is opening it: the team sees who is on which case.
      client.setPresence(String(row.uuid));
      // A case whose text has not come from the server yet is edited the classic way meanwhile.
      if (!client.docFor(docName)) return null;
      return { url: hubUrl, token: hubToken, docName, user: remote.user, readOnly: readOnly() };
    },
    review(caseId) {
      const db = ctx.lib.db;
      const mark = db
        .prepare(
          `SELECT r.marked_at, e.who, e.at, e.snapshot FROM sync_reviews r
           LEFT JOIN case_events e ON e.uuid = r.event_uuid WHERE r.case_id = ?`,
        )
        .get(caseId);
      if (!mark) return null;
      const doc = storedDoc(db, caseId);
      const signed = typeof mark.snapshot === 'string' && client ? client.readCaseAt(caseId, mark.snapshot) : null;
      return {
        signer: String(mark.who ?? ''),
        signedAt: String(mark.at ?? ''),
        markedAt: String(mark.marked_at),
        signedText: signed ? docToPlainText(signed) : null,
        currentText: doc ? docToPlainText(doc) : '',
      };
    },
    clearReview(caseId) {
      clearReviewMark(ctx.lib.db, caseId);
    },
    user: () => (remote && client ? remote.user : null),
    handleUpgrade(req, socket, head) {
      if (!hub) {
        socket.destroy();
        return;
      }
      hub.handleUpgrade(req, socket, head);
    },
    async close() {
      await started;
      await stop();
    },
  };
}
