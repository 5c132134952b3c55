/**
 * Names of the shared (Yjs) documents of a team library. A case's text is `case:<uuid>`; a
 * volume's metadata and workflow log is `vol:<uuid>`. The uuid is the row's `uuid` column, the same
 * on every machine; anything else is not a document of a library and is refused.
 */
export type DocKind = 'case' | 'vol';

export interface DocName {
  kind: DocKind;
  uuid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function caseDocName(uuid: string): string {
  return `case:${uuid}`;
}

export function volumeDocName(uuid: string): string {
  return `vol:${uuid}`;
}

/** The document a name stands for, or null for a name outside the library's scheme. */
export function parseDocName(name: string): DocName | null {
  const m = /^(case|vol):(.+)$/.exec(name);
  if (!m || !UUID.test(m[2]!)) return null;
  return { kind: m[1] as DocKind, uuid: m[2]! };
}

/**
 * The shape of the shared documents. A client sends it when it connects; the server refuses a
 * client of another version with a message saying which side to update (a newer client would
 * write shapes this server cannot store; an older one could not read what the server holds).
 */
export const SYNC_SCHEMA_VERSION = 1;

/** The largest single update a server accepts: far above any real edit (a whole 1 MB case is ~3 MB of Yjs). */
export const MAX_UPDATE_BYTES = 8 * 1024 * 1024;

/** Where the app's local sync hub answers WebSocket upgrades (main/sync/hub.ts; browser mode routes it the same way). */
export const HUB_PATH = '/sync';

/**
 * The code of a server refusal's reason: the server sends `<code>: <English text>`
 * (`sync.badToken: …` → `sync.badToken`); any other reason gives its first word.
 */
export function reasonCode(reason: string | null | undefined): string {
  return (reason ?? '').split(':', 1)[0]!.trim();
}
