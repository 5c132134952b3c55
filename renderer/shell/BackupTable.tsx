import type { BackupInfo } from '../../shared/model/backup.ts';
import { formatBytes } from '../../shared/text/bytes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The library's backups (time, kind, size), each with a Restore button; the reason shows on hover. */
export function BackupTable({ backups, onRestore }: { backups: readonly BackupInfo[]; onRestore(b: BackupInfo): void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="backup-table">
      <table className="data-table" data-testid="backups-list">
        <thead>
          <tr>
            <th className="data-table__col--date">{t('backups.time')}</th>
            <th>{t('backups.kind')}</th>
            <th className="data-table__col--size">{t('backups.size')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.name} data-testid="backup-row" data-backup-name={b.name} title={b.reason}>
              <td className="data-table__col--date">{formatDateTime(b.createdAt)}</td>
              <td>{t(`backups.kinds.${b.kind}`)}</td>
              <td className="data-table__col--size">{formatBytes(b.size)}</td>
              <td className="data-table__col--action">
                <button type="button" onClick={() => onRestore(b)} data-testid="backup-restore">
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
