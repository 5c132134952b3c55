import { useRef, useState } from 'react';
import type { Volume } from '../../../shared/model/entities.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import { CaseTable } from './CaseTable.tsx';
import { DeleteVolumeDialog } from './DeleteVolumeDialog.tsx';
import { ExportDialog } from '../exportDialog/ExportDialog.tsx';
import { Dashboard } from '../dashboard/Dashboard.tsx';
import { focusFilter, type TableFocus } from '../dashboard/tableFocus.ts';
import { VolumeReplaceDialog } from '../volumeReplace/VolumeReplaceDialog.tsx';
import { useMenuCommand } from '../../shell/ShellContext.tsx';
import { useViewerWhy } from '../sync/useSyncStatus.ts';

interface Props {
  volume: Volume;
  onChanged(): void;
  onDeleted(): void;
  onImport(): void;
}

export function VolumePanel({ volume, onChanged, onDeleted, onImport }: Props) {
  const { t, formatDateTime } = useI18n();
  const notices = useNotices();
  const cases = useAsync(`cases:${volume.id}:${volume.updatedAt}`, () => api.cases.list({ volumeId: volume.id }));
  // Bumped by actions in this view (bulk tag/assign, replace): the dashboard is read again.
  const [changes, setChanges] = useState(0);
  const reloadAll = () => {
    cases.reload();
    setChanges((n) => n + 1);
  };
  // A click in the dashboard shows its cases in the table: the table starts again with that filter.
  const [focus, setFocus] = useState<{ seq: number; focus: TableFocus } | null>(null);
  const [filteredIds, setFilteredIds] = useState<readonly number[] | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const showInTable = (next: TableFocus) => {
    setFocus((f) => ({ seq: (f?.seq ?? 0) + 1, focus: next }));
    requestAnimationFrame(() => tableRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [exporting, setExporting] = useState(false);
  useMenuCommand('export', () => setExporting(true));
  const [replacing, setReplacing] = useState(false);
  useMenuCommand('replace', () => setReplacing(true));
  // A viewer of a shared library renames and deletes nothing (main refuses it); replace only previews.
  const why = useViewerWhy();

  return (
    <div className="volume-panel" data-testid="volume-panel" data-volume-id={volume.id}>
      <div className="volume-panel__head">
        {renaming ? (
          <RenameForm
            volume={volume}
            onDone={(renamed) => {
              setRenaming(false);
              if (renamed) {
                notices.info(t('library.renamed', { title: renamed.title }));
                onChanged();
              }
            }}
          />
        ) : (
          <>
            <h1 data-testid="volume-title">{volume.title}</h1>
            <div className="row">
              <button type="button" onClick={() => setReplacing(true)} data-testid="replace-volume">
                {t('volumeReplace.open')}
              </button>
              <button type="button" onClick={() => setExporting(true)} data-testid="export-volume">
                {t('exportDialog.open')}
              </button>
              <button
                type="button"
                disabled={why !== undefined}
                title={why}
                onClick={() => setRenaming(true)}
                data-testid="rename-volume"
              >
                {t('common.rename')}
              </button>
              <button
                type="button"
                className="danger-outline"
                disabled={why !== undefined}
                title={why}
                onClick={() => setDeleting(true)}
                data-testid="delete-volume"
              >
                {t('common.delete')}
              </button>
            </div>
          </>
        )}
      </div>
      <p className="volume-panel__meta muted">
        <span data-testid="volume-stats">{t('library.volumeStats', { cases: volume.caseCount, pages: volume.pageCount })}</span>
        {volume.sourceName ? <span>{t('library.source', { name: volume.sourceName })}</span> : null}
        <span>{volume.scan ? t('library.scan', { pages: volume.scan.pageCount }) : t('library.noScan')}</span>
        <span>{formatDateTime(volume.updatedAt)}</span>
      </p>

      {cases.data === undefined ? (
        cases.error ? (
          <ErrorNotice error={cases.error} onRetry={cases.reload} />
        ) : (
          <Loading />
        )
      ) : cases.data.length === 0 ? (
        <div className="empty-state empty-state--compact" data-testid="volume-empty">
          <h2>{t('library.noCasesTitle')}</h2>
          <p>{t('library.noCasesBody')}</p>
          <button type="button" className="primary" disabled={why !== undefined} title={why} onClick={onImport}>
            {t('library.importFile')}
          </button>
        </div>
      ) : (
        <>
          <Dashboard
            client={api}
            volumeId={volume.id}
            cases={cases.data}
            refreshKey={`${volume.updatedAt}:${changes}`}
            onFocus={showInTable}
          />
          <div ref={tableRef} className="volume-panel__table">
            <CaseTable
              key={focus?.seq ?? 0}
              cases={cases.data}
              volumeId={volume.id}
              client={api}
              onChanged={reloadAll}
              onFilteredChange={setFilteredIds}
              {...(focus ? { initialFilter: focusFilter(focus.focus) } : {})}
            />
          </div>
        </>
      )}

      {exporting ? <ExportDialog volumeId={volume.id} client={api} onClose={() => setExporting(false)} /> : null}
      {replacing ? (
        <VolumeReplaceDialog
          volumeId={volume.id}
          filteredCaseIds={filteredIds}
          client={api}
          onChanged={reloadAll}
          onClose={() => setReplacing(false)}
        />
      ) : null}
      {deleting ? (
        <DeleteVolumeDialog
          volume={volume}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            notices.info(t('library.deleted', { title: volume.title }));
            onDeleted();
          }}
        />
      ) : null}
    </div>
  );
}

function RenameForm({ volume, onDone }: { volume: Volume; onDone(renamed: Volume | null): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(volume.title);
  const form = useSubmit(async () => {
    if (title.trim() === volume.title) return onDone(null);
    onDone(await api.volumes.rename({ id: volume.id, title: title.trim() }));
  });

  return (
    <form className="rename-form" data-testid="rename-form" onSubmit={form.onSubmit}>
      <label htmlFor="rename-input" className="visually-hidden">
        {t('library.renameLabel')}
      </label>
      <input
        id="rename-input"
        data-testid="rename-input"
        value={title}
        maxLength={200}
        autoFocus
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
      />
      <button type="submit" className="primary" disabled={form.busy || title.trim() === ''} data-testid="rename-submit">
        {t('common.save')}
      </button>
      <button type="button" onClick={() => onDone(null)}>
        {t('common.cancel')}
      </button>
      {form.error ? <ErrorNotice error={form.error} /> : null}
    </form>
  );
}
