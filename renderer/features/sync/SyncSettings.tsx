import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import { reasonKey, useSyncStatus } from './useSyncStatus.ts';

/** Settings: connect the library to the team's server (address, user, token), or make it local again. */
export function SyncSettings() {
  const { t } = useI18n();
  const view = useSyncStatus();
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [token, setToken] = useState('');
  const connect = useSubmit(async () => {
    await api.sync.connect({ url, user, token });
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
          {reason ? <p className="hint">{t(reason as MessageKey)}</p> : null}
          <button type="button" disabled={disconnect.busy} onClick={() => disconnect.run()} data-testid="sync-disconnect">
            {t('sync.settings.disconnect')}
          </button>
        </>
      ) : (
        <form className="form-grid" onSubmit={connect.onSubmit}>
          <p className="hint">{t('sync.settings.local')}</p>
          <label htmlFor="sync-url">{t('sync.settings.url')}</label>
          <input
            id="sync-url"
            data-testid="sync-url"
            value={url}
            placeholder="ws://192.168.1.10:8765"
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
          <button type="submit" disabled={connect.busy} data-testid="sync-connect">
            {t('sync.settings.connect')}
          </button>
        </form>
      )}
      {connect.error ? <ErrorNotice error={connect.error} /> : null}
      {disconnect.error ? <ErrorNotice error={disconnect.error} /> : null}
    </section>
  );
}
