import http from 'node:http';
import https from 'node:https';
import type tls from 'node:tls';

/**
 * A GET to the office server's HTTP side (its volume catalogue, scan files). Over `https://` it uses
 * the connection's pinned TLS options, so the token is only ever sent to the confirmed server
 * (the global fetch cannot take a pinned certificate).
 */
export function httpGet(
  url: string,
  headers: Record<string, string>,
  tlsOptions?: tls.ConnectionOptions,
  timeoutMs = 60_000,
): Promise<{ status: number; body: Buffer }> {
  const secure = url.startsWith('https:');
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      url,
      { method: 'GET', headers, ...(secure && tlsOptions ? tlsOptions : {}), timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error(`GET ${url}: no answer within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end();
  });
}
