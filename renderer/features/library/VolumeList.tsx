import type { Volume } from '../../../shared/model/entities.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { routeHref } from '../../router.ts';

export function VolumeList({ volumes, selectedId }: { volumes: readonly Volume[]; selectedId: number | null }) {
  const { t, formatDateTime } = useI18n();
  return (
    <table className="data-table volume-list" data-testid="volume-list">
      <thead>
        <tr>
          <th>{t('library.colTitle')}</th>
          <th className="data-table__col--count">{t('library.colCases')}</th>
          <th className="data-table__col--count">{t('library.colPages')}</th>
          <th className="data-table__col--date">{t('library.colUpdated')}</th>
        </tr>
      </thead>
      <tbody>
        {volumes.map((v) => {
          const selected = v.id === selectedId;
          return (
            <tr
              key={v.id}
              className={selected ? 'data-table__row--selected' : undefined}
              aria-selected={selected}
              data-testid="volume-row"
              data-volume-id={v.id}
            >
              <td>
                <a href={routeHref({ name: 'volume', id: v.id })} aria-current={selected ? 'page' : undefined}>
                  {v.title}
                </a>
              </td>
              <td className="data-table__col--count">{v.caseCount}</td>
              <td className="data-table__col--count">{v.pageCount}</td>
              <td className="data-table__col--date">{formatDateTime(v.updatedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
