import type { ReplaceHit, ReplacePreview, ReplacePreviewCase } from '../../../shared/model/replace.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatCaseNumber } from '../library/caseTable.ts';
import { selectionState, toggleHits } from './replaceFlow.ts';

interface Props {
  preview: ReplacePreview;
  selected: ReadonlySet<string>;
  onSelect(next: ReadonlySet<string>): void;
}

/** Shows spaces and line ends in a hit (a whitespace change is otherwise unreadable). */
function visible(text: string): string {
  return text.replace(/ /g, '␣').replace(/\n/g, '↵');
}

/** A checkbox standing for several hits: checked when all are on, half-checked when some are. */
function GroupCheck({
  ids,
  selected,
  onSelect,
  label,
  testId,
}: {
  ids: readonly string[];
  selected: ReadonlySet<string>;
  onSelect(next: ReadonlySet<string>): void;
  label: string;
  testId: string;
}) {
  const state = selectionState(selected, ids);
  return (
    <input
      type="checkbox"
      aria-label={label}
      data-testid={testId}
      checked={state === 'all'}
      ref={(el) => {
        if (el) el.indeterminate = state === 'some';
      }}
      onChange={() => onSelect(toggleHits(selected, ids))}
    />
  );
}

/** The preview: hits grouped by case with their context, the old text struck and the new one marked. */
export function ReplaceHits({ preview, selected, onSelect }: Props) {
  const { t } = useI18n();
  const ids = preview.cases.flatMap((c) => c.hits.map((h) => h.id));
  if (preview.cases.length === 0 && preview.locked.length === 0) {
    return (
      <p className="empty-hint" data-testid="replace-no-hits">
        {t('volumeReplace.noHits')}
      </p>
    );
  }
  return (
    <section className="replace-hits" data-testid="replace-hits" data-total={preview.total}>
      {preview.cases.length > 0 ? (
        <div className="replace-hits__bar">
          <label>
            <GroupCheck
              ids={ids}
              selected={selected}
              onSelect={onSelect}
              label={t('volumeReplace.selectAll')}
              testId="replace-select-all"
            />
            {t('volumeReplace.selectAll')}
          </label>
          <span data-testid="replace-summary">
            {t('volumeReplace.summary', { total: preview.total, cases: preview.cases.length, selected: selected.size })}
          </span>
        </div>
      ) : null}
      {preview.truncated ? (
        <p className="replace-hits__too-many" role="alert" data-testid="replace-too-many">
          {t('volumeReplace.tooMany', { total: preview.total, limit: preview.limit })}
        </p>
      ) : null}
      <ol className="replace-hits__cases">
        {preview.cases.map((c) => (
          <CaseHits key={c.id} c={c} selected={selected} onSelect={onSelect} />
        ))}
      </ol>
      {preview.locked.length > 0 ? (
        <details className="replace-hits__locked" data-testid="replace-locked">
          <summary>{t('volumeReplace.lockedTitle', { count: preview.locked.length })}</summary>
          <ol className="replace-hits__cases">
            {preview.locked.map((c) => (
              <CaseHits key={c.id} c={c} selected={null} onSelect={onSelect} />
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

/** One case's hits; `selected` null lists them without checkboxes (a locked case is never replaced). */
function CaseHits({
  c,
  selected,
  onSelect,
}: {
  c: ReplacePreviewCase;
  selected: ReadonlySet<string> | null;
  onSelect(next: ReadonlySet<string>): void;
}) {
  const { t } = useI18n();
  const ids = c.hits.map((h) => h.id);
  const title = `${formatCaseNumber(c.number)} ${c.title}`.trim();
  return (
    <li className="replace-hits__case" data-testid="replace-case" data-case-id={c.id}>
      <div className="replace-hits__case-head">
        {selected && ids.length > 0 ? (
          <label>
            <GroupCheck
              ids={ids}
              selected={selected}
              onSelect={onSelect}
              label={t('volumeReplace.selectCase', { title })}
              testId="replace-case-check"
            />
            <strong>{title}</strong>
          </label>
        ) : (
          <strong>{title}</strong>
        )}
        <span className="muted">{t('volumeReplace.caseHits', { count: c.total })}</span>
      </div>
      <ul className="replace-hits__list">
        {c.hits.map((h) => (
          <li key={h.id} className="replace-hits__hit" data-testid="replace-hit" data-hit-id={h.id}>
            {selected ? (
              <label>
                <input
                  type="checkbox"
                  checked={selected.has(h.id)}
                  data-testid="replace-hit-check"
                  onChange={() => onSelect(toggleHits(selected, [h.id]))}
                />
                <HitText hit={h} />
              </label>
            ) : (
              <HitText hit={h} />
            )}
          </li>
        ))}
        {c.total > c.hits.length ? (
          <li className="replace-hits__more muted">{t('volumeReplace.moreInCase', { count: c.total - c.hits.length })}</li>
        ) : null}
      </ul>
    </li>
  );
}

function HitText({ hit }: { hit: ReplaceHit }) {
  const { lookup } = useI18n();
  return (
    <span className="replace-hits__text">
      <span className="replace-hits__kind">{lookup(`blockKinds.${hit.blockKind}`) ?? hit.blockKind}</span>
      <span className="replace-hits__context">{visible(hit.before)}</span>
      <del className="replace-hits__old" data-testid="replace-hit-old">
        {visible(hit.match)}
      </del>
      <ins className="replace-hits__new" data-testid="replace-hit-new">
        {hit.replacement === '' ? '∅' : visible(hit.replacement)}
      </ins>
      <span className="replace-hits__context">{visible(hit.after)}</span>
    </span>
  );
}
