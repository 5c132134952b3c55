import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per launch: 32 random bytes as hex. It reaches the page only in the URL fragment. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null. Cookies are never consulted. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

/**
 * Constant-time comparison. Both sides are hashed first so their lengths match and the time taken
 * does not reveal how long the expected token is.
 */
export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** Whether a request's Authorization header carries the expected token. */
export function isAuthorized(expected: string, authorizationHeader: string | undefined): boolean {
  return tokenMatches(expected, bearerToken(authorizationHeader));
}
