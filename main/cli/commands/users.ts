import { openLibrary } from '../../store/db.ts';
import { addUser, listUsers, revokeUser, SYNC_ROLES, type SyncRole, type SyncUser } from '../../sync/users.ts';
import { printTable, resolveLibraryDir, type GlobalOptions } from '../context.ts';
import { usageError } from '../usage.ts';

const USAGE = 'usage: users add <name> --role editor|viewer [--expires ISO-DATE] | users list | users revoke <name>';

function status(u: SyncUser, now = Date.now()): string {
  if (u.revokedAt !== null) return 'revoked';
  if (u.expiresAt !== null && Date.parse(u.expiresAt) <= now) return 'expired';
  return 'active';
}

/**
 * `users`: the office server's users in this library. `add` prints the new user's token on stdout,
 * once (only its hash is kept); `list` never shows a token; `revoke` refuses the user's token from
 * now on. Takes the library's writer lock, so it runs while `serve` is stopped.
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
    const lib = openLibrary(await resolveLibraryDir(opts));
    let added: ReturnType<typeof addUser>;
    try {
      added = addUser(lib.db, name, role, { expiresAt: opts.expires ?? null });
    } finally {
      lib.close();
    }
    const { user, token } = added;
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
    const lib = openLibrary(await resolveLibraryDir(opts));
    let users: SyncUser[];
    try {
      users = listUsers(lib.db);
    } finally {
      lib.close();
    }
    const rows = users.map((u) => ({ ...u, status: status(u) }));
    if (opts.json) console.log(JSON.stringify(rows, null, 2));
    else printTable(rows, ['name', 'role', 'status', 'createdAt', 'expiresAt', 'revokedAt']);
    return;
  }
  if (verb === 'revoke') {
    const name = rest.join(' ').trim();
    if (!name) throw usageError(USAGE);
    const lib = openLibrary(await resolveLibraryDir(opts));
    let user: SyncUser;
    try {
      user = revokeUser(lib.db, name);
    } finally {
      lib.close();
    }
    console.log(opts.json ? JSON.stringify(user, null, 2) : `revoked ${user.name} (${user.revokedAt})`);
    return;
  }
  throw usageError(USAGE);
}
