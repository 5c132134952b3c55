import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { reasonKey, useSyncStatus } from './useSyncStatus.ts';

/** The header's word on team sync: nothing for a local library; else the connection and what waits to go. */
export function SyncBadge() {
  const { t } = useI18n();
  const view = useSyncStatus();
  if (!view || view.mode === 'local') return null;
  const count = view.pending;
  const label =
    view.state === 'refused'
      ? t('sync.badge.refused')
      : view.state === 'offline'
        ? t('sync.badge.offline', { count })
        : view.state === 'connecting'
          ? t('sync.badge.connecting')
          : count > 0
            ? t('sync.badge.pending', { count })
            : t('sync.badge.connected');
  const reason = reasonKey(view.reason);
  const peers = view.peers.map((p) =>
    p.title ? t('sync.badge.peerOn', { user: p.user, title: p.title }) : t('sync.badge.peerIdle', { user: p.user }),
  );
  const title = [
    t('sync.badge.title', { url: view.url ?? '', user: view.user ?? '' }),
    reason ? t(reason as MessageKey) : view.reason,
    ...peers,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <span className={`sync-badge sync-badge--${view.state}`} data-testid="sync-badge" data-state={view.state} title={title}>
      {label}
      {view.readOnly ? ` · ${t('sync.badge.readOnly')}` : ''}
      {view.peers.length > 0 ? (
        <span data-testid="sync-peers" data-count={view.peers.length}>
          {` · ${t('sync.badge.online', { count: view.peers.length })}`}
        </span>
      ) : null}
    </span>
  );
}
