import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../../shared/ipc/errors.ts';
import { openLibrary } from '../../store/db.ts';
import { withTransaction } from '../../store/transaction.ts';
import { addUser, listUsers, openUsersDatabase, revokeUser, SYNC_ROLES, type SyncRole, type SyncUser } from '../../sync/users.ts';
import { printTable, resolveLibraryDir, type GlobalOptions } from '../context.ts';
import { usageError } from '../usage.ts';

const USAGE = 'usage: users add <name> --role editor|viewer [--expires ISO-DATE] | users list | users revoke <name>';

function status(u: SyncUser, now = Date.now()): string {
  if (u.revokedAt !== null) return 'revoked';
  if (u.expiresAt !== null && Date.parse(u.expiresAt) <= now) return 'expired';
  return 'active';
}

/**
 * Runs `fn` on the library's `sync_users` in one transaction. Normally through `openLibrary` (the
 * writer lock, checks, migrations), as every command. While `serve` (or the app) holds the library
 * on this machine, straight on the database file instead: an admin adds or revokes a user without
 * stopping the office server, whose next check (within a second) cuts a revoked user's connections.
 * This rather than asking the running server to do it: nothing to authenticate an admin with, and
 * the same path serves a library the app holds. Why it is safe: see `openUsersDatabase`.
 */
async function withUsers<T>(opts: GlobalOptions, fn: (db: DatabaseSync) => T): Promise<T> {
  const dir = await resolveLibraryDir(opts);
  let db: DatabaseSync;
  let close: () => void;
  try {
    const lib = openLibrary(dir);
    db = lib.db;
    close = () => lib.close();
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'LIBRARY_LOCKED')) throw err;
    const direct = openUsersDatabase(dir, err);
    db = direct;
    close = () => direct.close();
  }
  try {
    return withTransaction(db, () => fn(db));
  } finally {
    close();
  }
}

/**
 * `users`: the office server's users in this library. `add` prints the new user's token on stdout,
 * once (only its hash is kept); `list` never shows a token; `revoke` refuses the user's token from
 * now on, and a running server cuts the user's open connections within a second or two. Works
 * while `serve` runs on the same library (see `withUsers`).
 */
export async function usersCommand(
  args: string[],
  opts: GlobalOptions & { role?: string | undefined; expires?: string | undefined },
): Promise<void> {
  const [verb, ...rest] = args;
  if (verb === 'add') {
    const name = rest.join(' ').trim();
    if (!name || !opts.role) throw usageError(USAGE);
    if (!(SYNC_ROLES as readonly string[]).includes(opts.role)) throw usageError(`--role is editor or viewer\n${USAGE}`);
    const role = opts.role as SyncRole;
    const { user, token } = await withUsers(opts, (db) => addUser(db, name, role, { expiresAt: opts.expires ?? null }));
    if (opts.json) {
      console.log(JSON.stringify({ ...user, token }, null, 2));
    } else {
      // The token alone on stdout (TOKEN=$(… users add …)); the notice beside it on stderr.
      console.log(token);
      process.stderr.write(
        `用户 ${user.name}（${user.role}）的令牌只显示这一次，服务器只保存其散列。 / ` +
          `The token of ${user.name} (${user.role}) is shown only this once; the server keeps only its hash.\n`,
      );
    }
    return;
  }
  if (verb === 'list' && rest.length === 0) {
    const users = await withUsers(opts, (db) => listUsers(db));
    const rows = users.map((u) => ({ ...u, status: status(u) }));
    if (opts.json) console.log(JSON.stringify(rows, null, 2));
    else printTable(rows, ['name', 'role', 'status', 'createdAt', 'expiresAt', 'revokedAt']);
    return;
  }
  if (verb === 'revoke') {
    const name = rest.join(' ').trim();
    if (!name) throw usageError(USAGE);
    const user = await withUsers(opts, (db) => revokeUser(db, name));
    console.log(opts.json ? JSON.stringify(user, null, 2) : `revoked ${user.name} (${user.revokedAt})`);
    return;
  }
  throw usageError(USAGE);
}
