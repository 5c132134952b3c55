/**
 * How the contract travels, shared by both transports and the renderer's client.
 *
 * Electron: the preload exposes `window[PRELOAD_GLOBAL]` = {@link Bridge}; scans load from `scan://library/<file>`.
 * Browser mode: `POST {API_PREFIX}<channel>` with a JSON body and `Authorization: Bearer <token>`; the answer is an
 * {@link Envelope} (status 200 when ok, 4xx/5xx otherwise). `files:stage` instead sends the raw bytes with
 * `Content-Type: application/octet-stream` and the URI-encoded name in {@link FILE_NAME_HEADER}. Scans are
 * `GET {SCAN_PREFIX}<file>` with the same bearer token and byte ranges. The token reaches the page as `#token=…`.
 */
import type { Envelope } from './contract.ts';

export const PRELOAD_GLOBAL = 'workbench';
export const API_PREFIX = '/api/';
export const SCAN_PREFIX = '/scans/';
/** `GET {EXPORT_PREFIX}<jobId>`: a finished export as a download (bearer token in the header, as for the API). */
export const EXPORT_PREFIX = '/export/';
export const SCAN_PROTOCOL = 'scan';
export const FILE_NAME_HEADER = 'x-file-name';

/** Events main may push to the page (menu commands); the preload forwards these and nothing else. */
export const APP_EVENTS = ['app:menu'] as const;
export type AppEvent = (typeof APP_EVENTS)[number];

/** What the application menu sends with `app:menu`: a command the page carries out on any screen. */
export const MENU_COMMANDS = ['newVolume', 'import', 'export', 'openLibrary', 'about', 'wordList', 'replace', 'search'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

export function isAppEvent(name: unknown): name is AppEvent {
  return typeof name === 'string' && (APP_EVENTS as readonly string[]).includes(name);
}

export interface Bridge {
  readonly platform: 'electron';
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to an app event; returns the unsubscribe function. */
  on(event: AppEvent, listener: (payload: unknown) => void): () => void;
}

/** Scan file names are content hashes plus an extension; anything else is refused by both transports. */
export const SCAN_FILE_NAME = /^[0-9a-f]{64}\.(pdf|jpg|jpeg|png|tif|tiff)$/;
