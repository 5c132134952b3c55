import { Fragment, useState } from 'react';
import type { SyncCertificate } from '../../../shared/model/sync.ts';
import { api } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import { reasonKey, useSyncStatus } from './useSyncStatus.ts';

/** A `wss://` server's certificate, shown for its user to compare the fingerprint before trusting it. */
function CertificateCheck({
  cert,
  onConfirm,
  onCancel,
  busy,
}: {
  cert: SyncCertificate;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const day = (iso: string) => iso.slice(0, 10);
  return (
    <div className="sync-cert" role="group" aria-labelledby="sync-cert-title" data-testid="sync-cert">
      <h4 id="sync-cert-title">{t('sync.settings.certTitle')}</h4>
      <p className="hint">{t('sync.settings.certHint')}</p>
      <p>
        {t('sync.settings.certFingerprint')}
        <br />
        <code className="fingerprint" data-testid="sync-cert-fingerprint">
          {/* Lines break between byte groups only, so each group reads whole. */}
          {cert.fingerprint.split(':').map((group, i) => (
            <Fragment key={i}>
              {i > 0 ? ':' : null}
              {i > 0 ? <wbr /> : null}
              {group}
            </Fragment>
          ))}
        </code>
      </p>
      <p className="hint">
        {t('sync.settings.certSubject', { subject: cert.subject })}
        <br />
        {t('sync.settings.certValid', { from: day(cert.validFrom), to: day(cert.validTo) })}
        <br />
        {t(cert.trusted ? 'sync.settings.certTrusted' : 'sync.settings.certSelfSigned')}
      </p>
      <button type="button" disabled={busy} onClick={onConfirm} data-testid="sync-cert-confirm">
        {t('sync.settings.certConfirm')}
      </button>{' '}
      <button type="button" disabled={busy} onClick={onCancel}>
        {t('sync.settings.certCancel')}
      </button>
    </div>
  );
}

/**
 * Settings: connect the library to the team's server (address, user, token), or make it local again.
 * A `wss://` server's certificate is shown first; the app pins the one its user confirmed.
 */
export function SyncSettings() {
  const { t } = useI18n();
  const view = useSyncStatus();
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [token, setToken] = useState('');
  const [cert, setCert] = useState<SyncCertificate | null>(null);
  // A `wss://` address: its certificate is shown (and confirmed) before connecting.
  const secure = /^wss:/i.test(url.trim());
  const connect = useSubmit(async (fingerprint?: string) => {
    if (secure && fingerprint === undefined) {
      setCert(await api.sync.probe({ url }));
      return;
    }
    await api.sync.connect({ url, user, token, ...(fingerprint ? { fingerprint } : {}) });
    setCert(null);
    setToken('');
  });
  const disconnect = useSubmit(() => api.sync.disconnect());
  const connected = view?.mode === 'connected';
  const reason = reasonKey(view?.reason ?? null);
  return (
    <section className="settings-section" aria-labelledby="sync-title" data-testid="sync-settings">
      <h3 id="sync-title">{t('sync.settings.title')}</h3>
      <p className="hint">{t('sync.settings.hint')}</p>
      {connected ? (
        <>
          <p data-testid="sync-connected">{t('sync.settings.connected', { url: view.url ?? '', user: view.user ?? '' })}</p>
          {view.fingerprint ? (
            <p className="hint" data-testid="sync-pinned">
              {t('sync.settings.pinned', { fingerprint: view.fingerprint })}
            </p>
          ) : null}
          {reason ? <p className="hint">{t(reason as MessageKey)}</p> : null}
          <button type="button" disabled={disconnect.busy} onClick={() => disconnect.run()} data-testid="sync-disconnect">
            {t('sync.settings.disconnect')}
          </button>
        </>
      ) : (
        <>
          <p className="hint">{t('sync.settings.local')}</p>
          <form className="form-grid" onSubmit={connect.onSubmit}>
            <label htmlFor="sync-url">{t('sync.settings.url')}</label>
            <input
              id="sync-url"
              data-testid="sync-url"
              value={url}
              placeholder="wss://192.168.1.10:8765"
              onChange={(e) => setUrl(e.target.value)}
            />
            <label htmlFor="sync-user">{t('sync.settings.user')}</label>
            <input id="sync-user" data-testid="sync-user" value={user} onChange={(e) => setUser(e.target.value)} />
            <label htmlFor="sync-token">{t('sync.settings.token')}</label>
            <input
              id="sync-token"
              data-testid="sync-token"
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
            <button type="submit" disabled={connect.busy || cert !== null} data-testid="sync-connect">
              {t('sync.settings.connect')}
            </button>
            {connect.busy && cert === null && secure ? <p className="hint">{t('sync.settings.checking')}</p> : null}
          </form>
        </>
      )}
      {!connected && cert ? (
        <CertificateCheck
          cert={cert}
          busy={connect.busy}
          onConfirm={() => connect.run(cert.fingerprint)}
          onCancel={() => setCert(null)}
        />
      ) : null}
      {connect.error ? <ErrorNotice error={connect.error} /> : null}
      {disconnect.error ? <ErrorNotice error={disconnect.error} /> : null}
    </section>
  );
}
