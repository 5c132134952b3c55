import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { APPLICATION_ID, DB_FILE } from '../store/libraryFile.ts';
import { LATEST_VERSION, getUserVersion } from '../store/migrations/index.ts';
import { newUuid } from '../store/uuid.ts';

/**
 * The office server's users (`sync_users`). A user is a name, a role and an access token; the token
 * is shown once, when the user is added, and only its SHA-256 is kept, so a copy of the library
 * file gives nobody a way in. Revoking keeps the row (its name stays taken, its token refused).
 */

export type SyncRole = 'editor' | 'viewer';
export const SYNC_ROLES: readonly SyncRole[] = ['editor', 'viewer'];

export interface SyncUser {
  uuid: string;
  name: string;
  role: SyncRole;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Why a token was refused: not any user's, a revoked user's, or an expired user's. */
export type AuthRefusal = 'unknown' | 'revoked' | 'expired';

export type AuthResult = { ok: true; name: string; role: SyncRole } | { ok: false; refusal: AuthRefusal };

/** Every token starts so, which makes one recognisable in a config file or a leaked paste. */
export const TOKEN_PREFIX = 'cbw_';
/** `cbw_` and 32 random bytes in base64url (43 characters). */
const TOKEN_SHAPE = /^cbw_[A-Za-z0-9_-]{43}$/;
const MAX_NAME_CHARS = 100;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  // No control characters: a name is printed in tables and logs, one per line.
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || trimmed.length > MAX_NAME_CHARS || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new AppError('VALIDATION', `A user name must be 1–${MAX_NAME_CHARS} characters without control characters`, {
      name,
    });
  }
  return trimmed;
}

function checkRole(role: string): SyncRole {
  if (!(SYNC_ROLES as readonly string[]).includes(role)) {
    throw new AppError('VALIDATION', `A role is editor or viewer, not ${role}`, { role });
  }
  return role as SyncRole;
}

/** A date-time as an ISO string (UTC), or a VALIDATION error naming what was given. */
function checkInstant(value: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new AppError('VALIDATION', `Not an ISO date or date-time: ${value}`, { value });
  }
  return new Date(ms).toISOString();
}

function toUser(row: Record<string, unknown>): SyncUser {
  return {
    uuid: String(row.uuid),
    name: String(row.name),
    role: row.role as SyncRole,
    createdAt: String(row.created_at),
    expiresAt: row.expires_at === null ? null : String(row.expires_at),
    revokedAt: row.revoked_at === null ? null : String(row.revoked_at),
  };
}

/**
 * Adds a user and returns the plain token: the only time it exists outside the user's hands.
 * A name already taken (also by a revoked user) is a CONFLICT.
 */
export function addUser(
  db: DatabaseSync,
  name: string,
  role: SyncRole,
  opts: { expiresAt?: string | null; now?: Date } = {},
): { token: string; user: SyncUser } {
  const cleanName = checkName(name);
  const cleanRole = checkRole(role);
  const expiresAt = opts.expiresAt ? checkInstant(opts.expiresAt) : null;
  const createdAt = (opts.now ?? new Date()).toISOString();
  if (db.prepare('SELECT 1 FROM sync_users WHERE name = ?').get(cleanName)) {
    throw new AppError('CONFLICT', `There is already a user named ${cleanName}`, { name: cleanName });
  }
  const token = newToken();
  const uuid = newUuid();
  db.prepare(
    'INSERT INTO sync_users (uuid, name, role, token_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)',
  ).run(uuid, cleanName, cleanRole, hashToken(token), createdAt, expiresAt);
  return { token, user: { uuid, name: cleanName, role: cleanRole, createdAt, expiresAt, revokedAt: null } };
}

/** Every user, revoked ones included, in the order they were added. Never a token or its hash. */
export function listUsers(db: DatabaseSync): SyncUser[] {
  return db
    .prepare('SELECT uuid, name, role, created_at, expires_at, revoked_at FROM sync_users ORDER BY id')
    .all()
    .map((r) => toUser(r));
}

/** Revokes a user's token from now on. NOT_FOUND for a name no user has; revoking twice keeps the first date. */
export function revokeUser(db: DatabaseSync, name: string, now: Date = new Date()): SyncUser {
  const row = db
    .prepare('SELECT uuid, name, role, created_at, expires_at, revoked_at FROM sync_users WHERE name = ?')
    .get(name.trim());
  if (!row) throw new AppError('NOT_FOUND', `No user named ${name}`, { name });
  if (row.revoked_at === null) {
    db.prepare('UPDATE sync_users SET revoked_at = ? WHERE uuid = ? AND revoked_at IS NULL').run(
      now.toISOString(),
      String(row.uuid),
    );
    return toUser({ ...row, revoked_at: now.toISOString() });
  }
  return toUser(row);
}

/**
 * The user a token belongs to, or why it is refused. The lookup is by the token's hash (an index
 * probe, so nothing is compared byte by byte); a token of another shape is unknown without a lookup.
 */
export function authenticate(db: DatabaseSync, token: string | null | undefined, now: Date = new Date()): AuthResult {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return { ok: false, refusal: 'unknown' };
  const row = db.prepare('SELECT name, role, expires_at, revoked_at FROM sync_users WHERE token_hash = ?').get(hashToken(token));
  return standing(row, now);
}

/**
 * Where each named user stands now, as `authenticate` would answer for their token: what the server
 * checks its open connections against. A name no row has (any more) is 'unknown'.
 */
export function standingOf(db: DatabaseSync, names: Iterable<string>, now: Date = new Date()): Map<string, AuthResult> {
  const out = new Map<string, AuthResult>();
  const get = db.prepare('SELECT name, role, expires_at, revoked_at FROM sync_users WHERE name = ?');
  for (const name of names) if (!out.has(name)) out.set(name, standing(get.get(name), now));
  return out;
}

function standing(row: Record<string, unknown> | undefined, now: Date): AuthResult {
  if (!row) return { ok: false, refusal: 'unknown' };
  if (row.revoked_at !== null) return { ok: false, refusal: 'revoked' };
  if (row.expires_at !== null && Date.parse(String(row.expires_at)) <= now.getTime()) return { ok: false, refusal: 'expired' };
  const role = String(row.role);
  // A role this version does not know (a newer server's row) gets no more than reading.
  return { ok: true, name: String(row.name), role: role === 'editor' ? 'editor' : 'viewer' };
}

/** The first schema version with `sync_users` (migration 0008-team-sync). */
export const SYNC_USERS_SCHEMA = 8;
const USERS_BUSY_TIMEOUT_MS = 5000;

/**
 * The `sync_users` table of a library another process on this machine holds open (the office
 * server, or the app), for the `users` commands: the database file alone, without the writer lock,
 * without checks or migrations (those belong to the holder, which opened and migrated the file).
 *
 * Why this is sound: the lock keeps a second app instance from writing the library concurrently
 * (its documents, its caches, its migrations); a `users` command writes one row of one table in one
 * short transaction, which SQLite itself serialises with the holder's
 * writes (WAL, a busy timeout on both sides). The server re-reads the table on every check, so it
 * sees the change within a second. Only a holder on this machine: WAL needs shared memory, which a
 * network share does not give two machines, so `lockError` (LIBRARY_LOCKED) stands for another
 * machine's lock and for an unreadable one.
 */
export function openUsersDatabase(libraryDir: string, lockError: AppError): DatabaseSync {
  if (lockError.details?.sameHost !== true) throw lockError;
  const file = path.join(path.resolve(libraryDir), DB_FILE);
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) throw lockError;
  const db = new DatabaseSync(file, { timeout: USERS_BUSY_TIMEOUT_MS });
  try {
    db.exec('PRAGMA synchronous = FULL');
    const appId = Number(db.prepare('PRAGMA application_id').get()?.application_id ?? 0);
    if (appId !== APPLICATION_ID) {
      throw new AppError('DB_CORRUPT', `${file} is not a Casebook library`, { file, problems: ['not a library database'] });
    }
    const version = getUserVersion(db);
    if (version > LATEST_VERSION) {
      throw new AppError('DB_TOO_NEW', `${file} was written by a newer version of the app (schema ${version})`, {
        file,
        version,
        supported: LATEST_VERSION,
      });
    }
    if (version < SYNC_USERS_SCHEMA) {
      // Upgrading is the holder's business (or this command's once the holder is gone), never done beside it.
      const pid = typeof lockError.details?.pid === 'number' ? lockError.details.pid : null;
      throw new AppError(
        'CONFLICT',
        `${file} is at schema ${version}, older than its users table (schema ${SYNC_USERS_SCHEMA}), and is open ` +
          `in ${pid === null ? 'another process' : `process ${pid}`}; close that, then run the command again`,
        { file, version, needed: SYNC_USERS_SCHEMA, pid },
      );
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
