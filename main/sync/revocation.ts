import type { DatabaseSync } from 'node:sqlite';
import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { standingOf, type AuthRefusal } from './users.ts';

/**
 * Revocation while connected. A token is checked when a document is opened (onAuthenticate); a user
 * revoked (`users revoke`, maybe from another process), expired, or removed afterwards would keep
 * every open document syncing. So the server looks again: every `everyMs`, the users of its open
 * connections against `sync_users`, and cuts the connections of any user the table now refuses.
 *
 * Cutting: each of the user's document connections is closed (it stops taking the user's
 * messages at once, and its provider hears the refusal's reason); a socket that carried only such
 * connections is then closed with the refusal's close code and reason. The app takes that reason as
 * a refusal and stops (were it to reconnect, onAuthenticate would refuse its token with the same code).
 *
 * A role changed under an open connection is not looked at (no command changes a role): the new
 * role applies from the next connection.
 */

/** How often open connections are checked against the users table. */
export const USER_CHECK_MS = 1000;

/** What a refusal is sent as: a WebSocket close code and a `<code>: <text>` reason (see SyncRefusal). */
export interface CutReason {
  code: number;
  reason: string;
}

interface UserContext {
  user?: unknown;
}

/** A WebSocket close reason is at most 123 bytes (UTF-8); a longer one keeps its code only. */
function closeReason(reason: string): string {
  return Buffer.byteLength(reason, 'utf8') <= 123 ? reason : reason.split(':', 1)[0]!;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class UserWatch {
  private timer: NodeJS.Timeout | null = null;
  private instance: Hocuspocus | null = null;
  private stopped = false;
  private readonly db: DatabaseSync;
  private readonly refusal: (refusal: AuthRefusal) => CutReason;
  private readonly log: (line: string) => void;
  private readonly everyMs: number;

  constructor(
    db: DatabaseSync,
    refusal: (refusal: AuthRefusal) => CutReason,
    log: (line: string) => void,
    everyMs = USER_CHECK_MS,
  ) {
    this.db = db;
    this.refusal = refusal;
    this.log = log;
    this.everyMs = everyMs;
  }

  /**
   * Starts the checks (once; they run until `stop`). Called from onAuthenticate, which hands the
   * Hocuspocus instance over: no timer runs before the first user connects.
   */
  watch(instance: Hocuspocus): void {
    if (this.stopped) return;
    this.instance = instance;
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch (err) {
        // A busy or failing read is tried again on the next tick.
        this.log(`sync: could not check the connected users: ${String(err)}`);
      }
    }, this.everyMs);
    this.timer.unref();
  }

  /** Cuts the connections of every user the table refuses now; returns how many users were cut. */
  check(now: Date = new Date()): number {
    const instance = this.instance;
    if (this.stopped || instance === null || instance.getConnectionsCount() === 0) return 0;
    const byUser = new Map<string, Connection[]>();
    const bySocket = new Map<string, Connection[]>();
    for (const document of instance.documents.values()) {
      for (const connection of document.getConnections()) {
        const user = (connection.context as UserContext | undefined)?.user;
        if (typeof user !== 'string') continue;
        pushTo(byUser, user, connection);
        pushTo(bySocket, connection.socketId, connection);
      }
    }
    if (byUser.size === 0) return 0;
    const cutUsers = new Map<string, CutReason>();
    for (const [user, standing] of standingOf(this.db, byUser.keys(), now)) {
      if (!standing.ok) cutUsers.set(user, this.refusal(standing.refusal));
    }
    if (cutUsers.size === 0) return 0;

    for (const [user, cut] of cutUsers) {
      const connections = byUser.get(user)!;
      this.log(`sync: cut ${connections.length} connection(s) of ${user}: ${cut.reason}`);
      for (const connection of connections) connection.close({ code: cut.code, reason: cut.reason });
    }
    // A socket that carried only cut users' documents: closed with the refusal, which the app takes as final.
    for (const connections of bySocket.values()) {
      const users = new Set(connections.map((c) => (c.context as UserContext).user as string));
      if (![...users].every((u) => cutUsers.has(u))) continue;
      const cut = cutUsers.get(users.values().next().value!)!;
      const socket = connections[0]!.webSocket;
      try {
        socket.close(cut.code, closeReason(cut.reason));
      } catch (err) {
        this.log(`sync: could not close a socket of ${[...users].join(', ')}: ${String(err)}`);
      }
    }
    return cutUsers.size;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.instance = null;
  }
}
