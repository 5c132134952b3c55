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

/** Headers on every browser-mode response, whatever its status. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Other sites cannot embed our responses even in no-cors mode (<img>, <script>).
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
