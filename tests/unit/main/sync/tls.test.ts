import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CertificateChangedError, isCertificateFailure, tlsTarget } from '../../../../main/sync/tls.ts';

const failure = (code: string) => Object.assign(new Error(code), { code });

test('a certificate failure is told apart from an unreachable server', () => {
  for (const code of [
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
  ]) {
    assert.equal(isCertificateFailure(failure(code)), true, code);
  }
  assert.equal(isCertificateFailure(new CertificateChangedError('AA', 'BB')), true);
  for (const code of ['ECONNREFUSED', 'ETIMEDOUT', 'ERR_TLS_HANDSHAKE_TIMEOUT', 'ERR_SSL_WRONG_VERSION_NUMBER', 'ECONNRESET']) {
    assert.equal(isCertificateFailure(failure(code)), false, code);
  }
  assert.equal(isCertificateFailure(null), false);
});

test('the host and port of a wss:// address', () => {
  assert.deepEqual(tlsTarget('wss://192.168.1.10:8765'), { host: '192.168.1.10', port: 8765 });
  assert.deepEqual(tlsTarget('wss://office.local'), { host: 'office.local', port: 443 });
  assert.deepEqual(tlsTarget('wss://[::1]:9000/'), { host: '::1', port: 9000 });
});
