import { z } from 'zod';

/** How the app stands with the team's server, for the header and Settings. */
export const SyncView = z.object({
  /** local: the library is this machine's only; connected: it is shared through a server. */
  mode: z.enum(['local', 'connected']),
  url: z.string().nullable(),
  user: z.string().nullable(),
  /** connecting / connected / offline (retrying by itself) / refused (see reason). */
  state: z.enum(['local', 'connecting', 'connected', 'offline', 'refused']),
  /** The server's refusal code (`sync.badToken` …) or the socket's close, when there is one. */
  reason: z.string().nullable(),
  /** Shared documents with changes the server has not confirmed (or not synced yet). */
  pending: z.number().int().nonnegative(),
  /** The server lets this user only read. */
  readOnly: z.boolean(),
  /** For `wss://`: the SHA-256 fingerprint of the server certificate the user confirmed (pinned). */
  fingerprint: z.string().nullable(),
  /** Who else is online, and the case each has open (this library's id and title), if any. */
  peers: z.array(z.object({ user: z.string(), caseId: z.number().int().nullable(), title: z.string().nullable() })),
});
export type SyncView = z.infer<typeof SyncView>;

export const SyncConnectInput = z.object({
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^wss?:\/\/[^\s/]+(\/.*)?$/, 'A server address starts with ws:// or wss://'),
  user: z.string().trim().min(1).max(100),
  token: z.string().trim().min(8).max(200),
  /**
   * For `wss://`: the fingerprint of the certificate the user saw (sync:probe) and confirmed. The
   * server must still show that certificate; it is then pinned.
   */
  fingerprint: z
    .string()
    .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    .optional(),
});
export type SyncConnectInput = z.infer<typeof SyncConnectInput>;

/** A `wss://` server's certificate, shown to the user before the app trusts it. */
export const SyncCertificate = z.object({
  fingerprint: z.string(),
  subject: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** The system's authorities vouch for it (else: self-signed or an office authority; compare the fingerprint). */
  trusted: z.boolean(),
});
export type SyncCertificate = z.infer<typeof SyncCertificate>;

/** What the collaborative editor needs for one case (null: edit as before, through saves). */
export const CollabInfo = z
  .object({
    /** The local hub's socket address; null in browser mode: the page's own origin + /sync. */
    url: z.string().nullable(),
    token: z.string(),
    docName: z.string(),
    user: z.string(),
    readOnly: z.boolean(),
  })
  .nullable();
export type CollabInfo = z.infer<typeof CollabInfo>;

/**
 * A case a team merge changed after it was signed: the text as signed (from the sign-off's pinned
 * snapshot) to compare with the text now; null when the case is not marked.
 */
export const SyncReview = z
  .object({
    signer: z.string(),
    signedAt: z.string(),
    markedAt: z.string(),
    /** The plain text as signed; null when the snapshot cannot be read here (shown as unavailable). */
    signedText: z.string().nullable(),
    currentText: z.string(),
  })
  .nullable();
export type SyncReview = z.infer<typeof SyncReview>;
