/**
 * Checks applied to every browser-mode request before routing. The server listens on 127.0.0.1 only,
 * but a page on another site can still reach it through DNS rebinding (its own name resolving to
 * 127.0.0.1); such requests carry that name in Host, so only our two loopback names are accepted.
 */

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return allowedHosts(port).includes(host.toLowerCase());
}

/** Requests from a page carry Origin; when present it must be our own origin (fetch from elsewhere is refused). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/**
 * Splits the path of a raw request target (still percent-encoded, query dropped) into its raw
 * segments. Returns null for anything that could step outside a folder or confuse a file system:
 * dot segments (also encoded, `%2e%2e`), empty segments (`//`, which would make an absolute path),
 * backslashes, NUL bytes and invalid percent-encoding.
 */
export function rawPathSegments(rawUrl: string): string[] | null {
  const q = rawUrl.search(/[?#]/);
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  if (!rawPath.startsWith('/')) return null;
  if (rawPath === '/') return [];
  const segments = rawPath.slice(1).split('/');
  // A trailing slash leaves one empty last segment; it names a folder, which is fine to route.
  if (segments.at(-1) === '') segments.pop();
  for (const seg of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(seg);
    } catch {
      return null;
    }
    if (seg === '' || decoded === '.' || decoded === '..') return null;
    if (decoded.includes('\\') || decoded.includes('\0')) return null;
  }
  return segments;
}

/** A top-level page load (address bar, reload, link) rather than a script, image or fetch. */
export function isNavigation(headers: { 'sec-fetch-mode'?: string | undefined; accept?: string | undefined }): boolean {
  const mode = headers['sec-fetch-mode'];
  if (mode !== undefined) return mode === 'navigate';
  return (headers.accept ?? '').includes('text/html');
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
