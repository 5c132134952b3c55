import { lazy, Suspense, useState } from 'react';
import type { Volume } from '../../../shared/model/entities.ts';
import { api } from '../../api/client.ts';
import { useMenuCommand } from '../../shell/ShellContext.tsx';
import { ApiError } from '../../api/apiError.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../useRoute.ts';
import { useAsync } from '../../ui/useAsync.ts';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { VolumeList } from './VolumeList.tsx';
import { NewVolumeForm } from './NewVolumeForm.tsx';
import { VolumePanel } from './VolumePanel.tsx';
import { EmptyLibrary } from './EmptyLibrary.tsx';
import { useViewerWhy } from '../sync/useSyncStatus.ts';

/** The import dialog (with its preview) is a chunk of its own, fetched when first opened. */
const ImportDialog = lazy(() => import('../importDialog/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

/** `#/` and `#/volume/<id>`: the volumes on the left, the selected volume's cases on the right. */
export function LibraryView({ selectedId }: { selectedId: number | null }) {
  const { t } = useI18n();
  const notices = useNotices();
  const volumes = useAsync('volumes', () => api.volumes.list());
  const info = useAsync('info', () => api.app.info());
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [installing, setInstalling] = useState(false);
  // A viewer of a shared library creates and imports nothing (main refuses it): the buttons say why.
  const why = useViewerWhy();

  // The File menu (Electron) opens the same forms as the buttons here, from any screen.
  useMenuCommand('newVolume', () => (why !== undefined ? notices.info(why) : setCreating(true)));
  useMenuCommand('import', () => (why !== undefined ? notices.info(why) : setImporting(true)));

  const list = volumes.data;
  const selected = list?.find((v) => v.id === selectedId) ?? null;

  function refresh() {
    volumes.reload();
    info.reload();
  }

  function opened(volume: Volume) {
    refresh();
    navigate({ name: 'volume', id: volume.id });
  }

  async function installSample() {
    setInstalling(true);
    try {
      const volume = await api.sample.install();
      notices.info(t('library.sampleInstalled', { title: volume.title }));
      opened(volume);
    } catch (err) {
      notices.error(err);
    } finally {
      setInstalling(false);
    }
  }

  let content;
  if (list === undefined) {
    content = volumes.error ? <ErrorNotice error={volumes.error} onRetry={volumes.reload} /> : <Loading />;
  } else if (list.length === 0) {
    content = (
      <EmptyLibrary
        offerSample={info.data?.isEmpty ?? false}
        installing={installing}
        onInstallSample={() => void installSample()}
        onImport={() => setImporting(true)}
        onCreate={() => setCreating(true)}
      />
    );
  } else if (selected) {
    content = (
      <VolumePanel
        key={selected.id}
        volume={selected}
        onChanged={refresh}
        onDeleted={() => {
          refresh();
          navigate({ name: 'library' });
        }}
        onImport={() => setImporting(true)}
      />
    );
  } else if (selectedId !== null && !volumes.loading) {
    content = <ErrorNotice error={new ApiError('NOT_FOUND', `Volume ${selectedId} not found`)} />;
  } else {
    content = <p className="empty-hint">{t('library.selectVolume')}</p>;
  }

  return (
    <div className="library" data-testid="library-view">
      <aside className="library__sidebar" aria-labelledby="volumes-title">
        <div className="library__sidebar-head">
          <h2 id="volumes-title">{t('library.volumes')}</h2>
          <div className="row">
            <button
              type="button"
              disabled={why !== undefined}
              title={why}
              onClick={() => setCreating(true)}
              data-testid="new-volume-button"
            >
              {t('library.newVolume')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={why !== undefined}
              title={why}
              onClick={() => setImporting(true)}
              data-testid="import-button"
            >
              {t('library.importFile')}
            </button>
          </div>
        </div>
        {creating ? (
          <NewVolumeForm
            onCancel={() => setCreating(false)}
            onCreated={(v) => {
              setCreating(false);
              notices.info(t('library.created', { title: v.title }));
              opened(v);
            }}
          />
        ) : null}
        {list && list.length > 0 ? <VolumeList volumes={list} selectedId={selectedId} /> : null}
        {list && list.length === 0 && !creating ? <p className="library__sidebar-empty muted">{t('library.noVolumes')}</p> : null}
        {volumes.error && list ? <ErrorNotice error={volumes.error} onRetry={volumes.reload} /> : null}
      </aside>
      <section className="library__content">{content}</section>
      {importing ? (
        <Suspense fallback={null}>
          <ImportDialog
            onClose={() => setImporting(false)}
            onImported={(v) => {
              setImporting(false);
              opened(v);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
