import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import * as x509 from '@peculiar/x509';
import { WebSocket as NodeWebSocket } from 'ws';

/**
 * TLS for the office server (`wss://`). An office rarely has a certificate from a public authority
 * for a desk machine, so the server can make its own (self-signed, kept in the library folder) and
 * each app pins the certificate its user confirmed by fingerprint when connecting: a server that
 * later shows another certificate is refused until the user confirms again.
 */

export interface ServerCertificate {
  /** PEM of the certificate (what the app pins). */
  cert: string;
  /** PEM of its private key (PKCS#8). */
  key: string;
}

/** What an app is shown before it trusts a server's certificate. */
export interface CertificateInfo {
  /** `AB:CD:…`, SHA-256 of the certificate (as `openssl x509 -fingerprint -sha256` prints it). */
  fingerprint: string;
  subject: string;
  validFrom: string;
  validTo: string;
  /** Whether the system's authorities vouch for it and its name matches the address. */
  trusted: boolean;
  /** The certificate (PEM), pinned once the user confirms. */
  pem: string;
}

const CERT_DIR = 'sync-tls';
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

/** The SHA-256 fingerprint of a PEM certificate, `AB:CD:…`. */
export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

/** A new self-signed certificate naming `hosts` (names or addresses) besides localhost and 127.0.0.1. */
export async function makeSelfSignedCertificate(hosts: readonly string[] = []): Promise<ServerCertificate> {
  // The global (Web Crypto) object, typed as x509 expects it.
  const webcrypto = globalThis.crypto;
  x509.cryptoProvider.set(webcrypto);
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const names = [...new Set(['localhost', '127.0.0.1', ...hosts.filter((h) => h && h !== '0.0.0.0' && h !== '::')])];
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: 'CN=Casebook Workbench sync server',
    // An hour back: a client whose clock runs a little behind still accepts it.
    notBefore: new Date(now - 3600 * 1000),
    notAfter: new Date(now + TEN_YEARS_MS),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      // Its own authority: an app that pinned it verifies the chain against it alone.
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((n) => ({ type: isIp(n) ? ('ip' as const) : ('dns' as const), value: n })),
      ),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { cert: cert.toString('pem'), key: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
}

/**
 * The server certificate kept in `<library>/sync-tls/`, made on first use. Kept, not remade on each
 * start: every app pinned it, and a new one would ask every user to confirm again.
 */
export async function libraryCertificate(libraryDir: string, hosts: readonly string[] = []): Promise<ServerCertificate> {
  const dir = path.join(libraryDir, CERT_DIR);
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    return { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8') };
  }
  const made = await makeSelfSignedCertificate(hosts);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyFile, made.key, { mode: 0o600 });
  fs.writeFileSync(certFile, made.cert);
  return made;
}

/** A certificate and key from files (an office that has its own), checked to belong together. */
export function certificateFromFiles(certFile: string, keyFile: string): ServerCertificate {
  const cert = fs.readFileSync(certFile, 'utf8');
  const key = fs.readFileSync(keyFile, 'utf8');
  // Throws when the key does not match the certificate, or either is not PEM.
  tls.createSecureContext({ cert, key });
  return { cert, key };
}

/**
 * TLS options for connecting to a server whose certificate the user pinned: the chain is checked
 * against the system's authorities and the pinned certificate, and the certificate shown must be
 * the pinned one (the address need not be among its names: the pin is what the user confirmed).
 */
export function pinnedTlsOptions(pinnedPem: string): tls.ConnectionOptions {
  const pinned = fingerprintOf(pinnedPem);
  return {
    ca: [...tls.rootCertificates, pinnedPem],
    // A pinned certificate issued by an office authority the system does not know is an anchor too.
    allowPartialTrustChain: true,
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256 === pinned ? undefined : new CertificateChangedError(cert.fingerprint256, pinned),
  };
}

/** The server showed a certificate other than the pinned one. */
export class CertificateChangedError extends Error {
  readonly shown: string;
  readonly pinned: string;
  constructor(shown: string, pinned: string) {
    super(`The server’s certificate (${shown}) is not the one confirmed (${pinned})`);
    this.name = 'CertificateChangedError';
    this.shown = shown;
    this.pinned = pinned;
  }
}

/** Whether a TLS failure means "not the confirmed certificate" (rather than "unreachable"). */
export function isCertificateFailure(err: unknown): boolean {
  if (err instanceof CertificateChangedError) return true;
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  // OpenSSL's verification codes (CERT_…, …_SELF_SIGNED_…, UNABLE_TO_GET_ISSUER_…) and a name
  // mismatch; not handshake timeouts or protocol errors, which are "unreachable" and retried.
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code);
}

/** The host and port of a `wss://`/`https://` address (default port 443). */
export function tlsTarget(url: string): { host: string; port: number } {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return { host, port: u.port ? Number(u.port) : 443 };
}

/**
 * Connects to a `wss://` server only to read its certificate (nothing is sent but the handshake),
 * for the user to compare its fingerprint with the one the server's administrator gives.
 */
export function probeCertificate(url: string, timeoutMs = 5000): Promise<CertificateInfo> {
  const { host, port } = tlsTarget(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      ...(isIp(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    const timer = setTimeout(
      () => socket.destroy(new Error(`No TLS answer from ${host}:${port} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const peer = socket.getPeerCertificate();
      socket.end();
      if (!peer?.raw) {
        reject(new Error('The server sent no certificate'));
        return;
      }
      const cert = new X509Certificate(peer.raw);
      resolve({
        fingerprint: peer.fingerprint256,
        subject: cert.subject.replace(/\n/g, ', '),
        validFrom: new Date(peer.valid_from).toISOString(),
        validTo: new Date(peer.valid_to).toISOString(),
        trusted: socket.authorized,
        pem: cert.toString(),
      });
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * The WebSocket class the provider makes its sockets with, for `wss://`: `ws`'s, with the pinned
 * TLS options (the global WebSocket takes none); a certificate failure is reported, once per socket.
 */
export function tlsWebSocket(
  tlsOptions: tls.ConnectionOptions,
  onCertificateFailure: (err: Error) => void = () => {},
): typeof WebSocket {
  class PinnedWebSocket extends NodeWebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, tlsOptions);
      this.once('error', (err: Error) => {
        if (isCertificateFailure(err)) onCertificateFailure(err);
      });
    }
  }
  return PinnedWebSocket as unknown as typeof WebSocket;
}
