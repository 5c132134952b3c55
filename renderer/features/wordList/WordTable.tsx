import type { WordEntry } from '../../../shared/model/wordList.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface WordTableProps {
  words: readonly WordEntry[];
  /** The row being edited, marked. */
  editingId: number | null;
  busy: boolean;
  onEdit(w: WordEntry): void;
  onRemove(w: WordEntry): void;
}

/** The listed words: spelling, good or bad, replacement, who changed it last and when. */
export function WordTable({ words, editingId, busy, onEdit, onRemove }: WordTableProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="word-list__table">
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('wordList.word')}</th>
            <th>{t('wordList.kind')}</th>
            <th>{t('wordList.replacement')}</th>
            <th className="data-table__col--date">{t('wordList.changed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {words.map((w) => (
            <tr
              key={w.id}
              className={w.id === editingId ? 'data-table__row--selected' : undefined}
              data-testid="word-row"
              data-word={w.word}
              data-kind={w.kind}
            >
              <td className="word-list__word">{w.word}</td>
              <td>
                <span className={`word-list__kind word-list__kind--${w.kind}`}>{t(`wordList.kinds.${w.kind}`)}</span>
              </td>
              <td data-testid="word-row-replacement">{w.replacement ?? ''}</td>
              <td className="data-table__col--date" title={w.who}>
                {t('wordList.byAt', { who: w.who, at: formatDateTime(w.at) })}
              </td>
              <td className="data-table__col--action">
                <button type="button" className="link-button" data-testid="word-edit" onClick={() => onEdit(w)}>
                  {t('wordList.edit')}
                </button>{' '}
                <button
                  type="button"
                  className="link-button"
                  data-testid="word-remove"
                  disabled={busy}
                  onClick={() => onRemove(w)}
                >
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
