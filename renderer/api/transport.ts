import { AppError, AppErrorShape, type ErrorCode } from '../../shared/ipc/errors.ts';
import type { Envelope } from '../../shared/ipc/contract.ts';
import {
  API_PREFIX,
  FILE_NAME_HEADER,
  PRELOAD_GLOBAL,
  SCAN_PREFIX,
  SCAN_PROTOCOL,
  type Bridge,
} from '../../shared/ipc/transport.ts';
import type { ScanSource } from '../scan/scanSource.ts';

/** Carries one call to main and returns its envelope; never throws for a refused call, only for a broken link. */
export type Transport = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

const TOKEN_KEY = 'workbench.token';

export function electronTransport(bridge: Bridge): Transport {
  return (channel, input) => bridge.invoke(channel, input);
}

export interface HttpTransportOptions {
  /** Origin (or any absolute URL) the API lives under; `/api/<channel>` is resolved against it. */
  baseUrl: string;
  token: string | null;
  fetch?: typeof globalThis.fetch;
}

/** Browser mode: `POST /api/<channel>`; `files:stage` sends raw bytes so large files are not JSON-encoded. */
export function httpTransport(opts: HttpTransportOptions): Transport {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  return async (channel, input) => {
    const url = new URL(API_PREFIX + channel, opts.baseUrl);
    const headers: Record<string, string> = {};
    if (opts.token) headers['Authorization'] = `Bearer ${opts.token}`;
    let body: BodyInit;
    if (channel === 'files:stage') {
      const { name, bytes } = input as { name: string; bytes: Uint8Array<ArrayBuffer> };
      headers['Content-Type'] = 'application/octet-stream';
      headers[FILE_NAME_HEADER] = encodeURIComponent(name);
      body = bytes;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(input ?? {});
    }
    let res: Response;
    try {
      res = await doFetch(url, { method: 'POST', headers, body });
    } catch (err) {
      return failure(new AppError('INTERNAL', `Cannot reach the workbench server: ${String(err)}`, { channel }));
    }
    return readEnvelope(res, channel);
  };
}

async function readEnvelope(res: Response, channel: string): Promise<Envelope<unknown>> {
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    const code = statusCode(res.status);
    return failure(new AppError(code, `HTTP ${res.status} without a JSON body`, { channel, status: res.status }));
  }
  if (typeof json === 'object' && json !== null && 'ok' in json) {
    const env = json as { ok: unknown; value?: unknown; error?: unknown };
    if (env.ok === true) return { ok: true, value: env.value };
    const shape = AppErrorShape.safeParse(env.error);
    if (shape.success) return { ok: false, error: shape.data };
  }
  const code = statusCode(res.status);
  return failure(new AppError(code, `HTTP ${res.status}: malformed response`, { channel, status: res.status }));
}

/** The code of an HTTP failure that carries no error of its own. */
export const statusCode = (status: number): ErrorCode => (status === 401 || status === 403 ? 'UNAUTHORIZED' : 'INTERNAL');

function failure(err: AppError): Envelope<never> {
  return { ok: false, error: err.toShape() };
}

/**
 * The token arrives once as `#token=…`; keep it for this tab in sessionStorage and remove it from the
 * address bar so it is neither bookmarked nor shown. Returns the token in effect (null when none).
 * Must run before the hash router reads `location.hash`.
 */
export function takeTokenFromLocation(loc: Location, storage: Storage, history: History): string | null {
  const fromHash = parseTokenHash(loc.hash);
  if (fromHash !== null) {
    storage.setItem(TOKEN_KEY, fromHash.token);
    history.replaceState(history.state, '', loc.pathname + loc.search + (fromHash.rest ? `#${fromHash.rest}` : ''));
    return fromHash.token;
  }
  return storage.getItem(TOKEN_KEY);
}

/** `#token=abc` or `#token=abc&route=/case/3` → token plus what remains of the hash (a route, if any). */
export function parseTokenHash(hash: string): { token: string; rest: string } | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw.startsWith('token=')) return null;
  const params = new URLSearchParams(raw);
  const token = params.get('token');
  if (!token) return null;
  return { token, rest: params.get('route') ?? '' };
}

let current: Transport | null = null;
let currentScans: ScanSource | null = null;

/** Picks Electron's bridge when the preload exposed one, browser mode otherwise. Idempotent. */
export function initTransport(): Transport {
  if (current) return current;
  const bridge = (window as unknown as Record<string, unknown>)[PRELOAD_GLOBAL] as Bridge | undefined;
  if (bridge && typeof bridge.invoke === 'function') {
    current = electronTransport(bridge);
    currentScans = { url: (file) => `${SCAN_PROTOCOL}://library/${encodeURIComponent(file)}` };
  } else {
    const token = takeTokenFromLocation(window.location, window.sessionStorage, window.history);
    current = httpTransport({ baseUrl: window.location.origin, token });
    currentScans = {
      url: (file) => new URL(SCAN_PREFIX + encodeURIComponent(file), window.location.origin).href,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    };
  }
  return current;
}

/** Headers that authenticate a plain GET in browser mode (scans, export downloads): the bearer token, never in the URL. */
export function authHeaders(): Readonly<Record<string, string>> {
  initTransport();
  return currentScans?.headers ?? {};
}

/** Where the scan pane fetches scan files over the transport in use (scan:// or /scans/ with the token). */
export function scanSource(): ScanSource {
  initTransport();
  return currentScans as ScanSource;
}
