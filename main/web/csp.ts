/** Extra sources for one policy: Electron adds the `scan:` scheme, the Vite dev server its HMR socket. */
export interface CspExtras {
  script?: string[];
  connect?: string[];
  img?: string[];
}

/**
 * The app's Content-Security-Policy. Only our own bundle runs; pdf.js workers may come from blob:
 * URLs; pictures from blob:/data: (scan pages rendered client-side); inline styles are allowed
 * because the editor sets style attributes. Shared by browser mode and Electron so both run the
 * page under the same rules.
 */
export function buildCsp(extras: CspExtras = {}): string {
  const join = (base: string[], more: string[] = []) => [...base, ...more].join(' ');
  return [
    `default-src 'self'`,
    `script-src ${join([`'self'`], extras.script)}`,
    `worker-src 'self' blob:`,
    `img-src ${join([`'self'`, 'blob:', 'data:'], extras.img)}`,
    `connect-src ${join([`'self'`], extras.connect)}`,
    `style-src 'self' 'unsafe-inline'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/**
 * The WebSocket origins of our own server on `port` (the local sync hub at `/sync`). CSP Level 3
 * lets `'self'` match ws: of the page's own host and port, but older engines need them named.
 */
export function ownWebSocketSources(port: number): string[] {
  return [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`];
}

/**
 * Headers on every browser-mode response, whatever its status. `wsPort`: the server accepts
 * WebSocket upgrades (the sync hub), so the page may open sockets to it.
 */
export function securityHeaders(opts: { wsPort?: number } = {}): Record<string, string> {
  const connect = opts.wsPort === undefined ? [] : ownWebSocketSources(opts.wsPort);
  return {
    'Content-Security-Policy': buildCsp(connect.length > 0 ? { connect } : {}),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Other sites cannot embed our responses even in no-cors mode (<img>, <script>).
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
