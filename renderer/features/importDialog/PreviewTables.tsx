import { useState, type ReactNode } from 'react';
import type { ImportPreview, PreviewSlice } from '../../../shared/model/importPreview.ts';
import { parseWarning } from '../../../shared/import/warnings.ts';
import type { Client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { formatCaseNumber } from '../library/caseTable.ts';
import { pageRangeLabel, PREVIEW_ROWS } from './importFlow.ts';

export type PreviewClient = Pick<Client, 'import'>;

type SliceFetch<T> = (input: { jobId: string; offset: number; limit: number }) => Promise<PreviewSlice<T>>;

/**
 * Rows of a parsed import, a slice at a time: the parse stays in main, the table asks for the rows
 * it shows (and the next slice when the user pages on).
 */
function SlicedRows<T>({
  name,
  jobId,
  total,
  fetch,
  empty,
  children,
}: {
  name: string;
  jobId: string;
  total: number;
  fetch: SliceFetch<T>;
  empty: string;
  children(items: T[]): ReactNode;
}) {
  const [offset, setOffset] = useState(0);
  const slice = useAsync(total === 0 ? null : `${jobId}:${name}:${offset}`, () => fetch({ jobId, offset, limit: PREVIEW_ROWS }));
  if (total === 0) return <p className="empty-hint">{empty}</p>;
  if (slice.error) return <ErrorNotice error={slice.error} onRetry={slice.reload} />;
  if (!slice.data) return <Loading />;
  return (
    <>
      {children(slice.data.items)}
      <Pager
        offset={slice.data.offset}
        shown={slice.data.items.length}
        total={slice.data.total}
        onOffset={setOffset}
        testId={`preview-${name}-pager`}
      />
    </>
  );
}

function Pager({
  offset,
  shown,
  total,
  onOffset,
  testId,
}: {
  offset: number;
  shown: number;
  total: number;
  onOffset(n: number): void;
  testId: string;
}) {
  const { t } = useI18n();
  if (total <= PREVIEW_ROWS) return null;
  return (
    <div className="pager" data-testid={testId}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PREVIEW_ROWS))}>
        {t('import.prevRows')}
      </button>
      <span className="muted">{t('import.rowsOf', { from: offset + 1, to: offset + shown, total })}</span>
      <button type="button" disabled={offset + shown >= total} onClick={() => onOffset(offset + PREVIEW_ROWS)}>
        {t('import.nextRows')}
      </button>
    </div>
  );
}

export function PreviewCases({ client, jobId, total }: { client: PreviewClient; jobId: string; total: number }) {
  const { t } = useI18n();
  return (
    <SlicedRows name="cases" jobId={jobId} total={total} fetch={client.import.previewCases} empty={t('import.noCases')}>
      {(cases) => (
        <table className="data-table" data-testid="preview-cases">
          <thead>
            <tr>
              <th className="data-table__col--num">{t('import.colNumber')}</th>
              <th>{t('import.colTitle')}</th>
              <th>{t('import.colOrganization')}</th>
              <th className="data-table__col--pages">{t('import.colPageRange')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c, i) => (
              <tr key={i} data-testid="preview-case-row">
                <td className="data-table__col--num">{formatCaseNumber(c.number)}</td>
                <td>
                  {c.title}
                  <ReviewBadges reasons={c.review} />
                </td>
                <td className="muted">{c.organization}</td>
                <td className="data-table__col--pages">
                  {c.printedPages
                    ? c.printedPages[0] === c.printedPages[1]
                      ? String(c.printedPages[0])
                      : `${c.printedPages[0]}–${c.printedPages[1]}`
                    : pageRangeLabel(c.pageStart, c.pageEnd, c.pagePrinted)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SlicedRows>
  );
}

export function PreviewToc({ client, jobId, total }: { client: PreviewClient; jobId: string; total: number }) {
  const { t } = useI18n();
  return (
    <SlicedRows name="toc" jobId={jobId} total={total} fetch={client.import.previewToc} empty={t('import.noToc')}>
      {(toc) => (
        <table className="data-table" data-testid="preview-toc">
          <thead>
            <tr>
              <th className="data-table__col--num">{t('import.colNumber')}</th>
              <th>{t('import.colTitle')}</th>
              <th>{t('import.colOrganization')}</th>
              <th className="data-table__col--pages">{t('import.colPages')}</th>
            </tr>
          </thead>
          <tbody>
            {toc.map((e, i) => (
              <tr key={i} data-testid="preview-toc-row">
                <td className="data-table__col--num">{formatCaseNumber(e.number)}</td>
                <td>{e.title ?? <span className="muted">{t('common.none')}</span>}</td>
                <td className="muted">{e.organization ?? t('common.none')}</td>
                <td className="data-table__col--pages">{e.page ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SlicedRows>
  );
}

export function PreviewFrontMatter({ client, jobId, total }: { client: PreviewClient; jobId: string; total: number }) {
  const { t } = useI18n();
  return (
    <SlicedRows name="front" jobId={jobId} total={total} fetch={client.import.previewFront} empty={t('import.noFront')}>
      {(front) => (
        <table className="data-table" data-testid="preview-front">
          <thead>
            <tr>
              <th>{t('import.colKind')}</th>
              <th>{t('import.colTitle')}</th>
              <th>{t('import.colByline')}</th>
              <th className="data-table__col--count">{t('import.colParagraphs')}</th>
              <th className="data-table__col--pages">{t('import.colPageRange')}</th>
            </tr>
          </thead>
          <tbody>
            {front.map((f, i) => (
              <tr key={i} data-testid="preview-front-row">
                <td>{t(`import.frontKinds.${f.kind}`)}</td>
                <td>
                  {f.title}
                  {f.date ? <span className="hint"> · {f.date}</span> : null}
                  <ReviewBadges reasons={f.review} />
                </td>
                <td className="muted">{f.byline ?? t('common.none')}</td>
                <td className="data-table__col--count">{f.paragraphs}</td>
                <td className="data-table__col--pages">{pageRangeLabel(f.pageStart, f.pageEnd, f.pagePrinted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SlicedRows>
  );
}

/** Why a row needs review: a badge per reason, translated (an unknown key shows as itself). */
function ReviewBadges({ reasons }: { reasons: readonly string[] | undefined }) {
  const { t, lookup } = useI18n();
  if (!reasons || reasons.length === 0) return null;
  return (
    <>
      {reasons.map((r) => (
        <span
          key={r}
          className="flag-badge preview-review"
          title={t('importReview.badgeHint')}
          data-testid="preview-review"
          data-reason={r}
        >
          {lookup(`importReview.reasons.${r}`) ?? r}
        </span>
      ))}
    </>
  );
}

/**
 * Text placed in no case or front matter, listed from the preview's summary (at most
 * PREVIEW_UNASSIGNED_MAX pieces): it is imported as one item flagged for review.
 */
export function PreviewUnassigned({ unassigned }: { unassigned: NonNullable<ImportPreview['unassigned']> }) {
  const { t, lookup } = useI18n();
  const more = unassigned.total - unassigned.items.length;
  return (
    <div className="preview-unassigned" data-testid="preview-unassigned">
      <p className="hint">{t('importReview.unassignedIntro')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th className="data-table__col--pages">{t('importReview.colPage')}</th>
            <th>{t('importReview.colText')}</th>
            <th>{t('importReview.colReason')}</th>
          </tr>
        </thead>
        <tbody>
          {unassigned.items.map((u, i) => (
            <tr key={i} data-testid="preview-unassigned-row">
              <td className="data-table__col--pages">{pageRangeLabel(u.page, u.page, [u.printed, u.printed])}</td>
              <td className="preview-unassigned__text">{u.text}</td>
              <td className="muted">{lookup(`importReview.reasons.${u.reason}`) ?? u.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <p className="muted">{t('importReview.unassignedMore', { count: more })}</p> : null}
    </div>
  );
}

/** Where one cleanup rule changed the text, fetched when its list is opened. */
export function RuleSites({ client, jobId, rule, total }: { client: PreviewClient; jobId: string; rule: string; total: number }) {
  const { t } = useI18n();
  return (
    <SlicedRows
      name={`changes:${rule}`}
      jobId={jobId}
      total={total}
      fetch={(input) => client.import.previewChanges({ ...input, rule })}
      empty={t('common.none')}
    >
      {(sites) => (
        <ol>
          {sites.map((s, i) => (
            <li key={i}>
              <span className="rule-sites__pos">{t('import.site', { page: s.page + 1, line: s.line + 1 })}</span>
              <del className="rule-sites__before">{visible(s.before)}</del>
              <span aria-hidden="true"> → </span>
              <ins className="rule-sites__after">{visible(s.after)}</ins>
            </li>
          ))}
        </ol>
      )}
    </SlicedRows>
  );
}

/** Makes the whitespace a rule added or removed visible (a space change is otherwise unreadable). */
function visible(text: string): string {
  return text === '' ? '∅' : text.replace(/ /g, '␣').replace(/\n/g, '↵');
}

/** Warnings come as `key:{params} English sentence`; shown translated by key, else as the sentence. */
export function PreviewWarnings({ warnings }: { warnings: readonly string[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return <p className="empty-hint">{t('import.noWarnings')}</p>;
  return (
    <ul className="preview-warnings" data-testid="preview-warnings">
      {warnings.map((w, i) => (
        <WarningText key={i} warning={w} as="li" />
      ))}
    </ul>
  );
}

/**
 * Warnings shown above the preview, before anything is written: the file may not be a volume at
 * all, or text of it belongs to no case (kept apart, imported flagged for review).
 */
export const STRUCTURE_WARNINGS: ReadonlySet<string> = new Set(['no-structure', 'page-split', 'unassigned-text']);

export function StructureWarnings({ warnings }: { warnings: readonly string[] }) {
  const serious = warnings.filter((w) => STRUCTURE_WARNINGS.has(parseWarning(w)?.key ?? ''));
  if (serious.length === 0) return null;
  return (
    <div className="structure-warnings" role="alert" data-testid="import-structure-warning">
      {serious.map((w, i) => (
        <WarningText key={i} warning={w} as="p" />
      ))}
    </div>
  );
}

function WarningText({ warning, as: Tag }: { warning: string; as: 'li' | 'p' }) {
  const { lookup } = useI18n();
  const parsed = parseWarning(warning);
  const params = parsed ? warningParams(parsed.params) : {};
  const text = parsed ? (lookup(`warnings.${parsed.key}`, params) ?? parsed.message) : warning;
  return <Tag data-warning={parsed?.key}>{text}</Tag>;
}

/** Parameters as the translator takes them: page indexes shown 1-based, lists joined. */
function warningParams(params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'pages' && Array.isArray(v)) out[k] = v.map((p) => Number(p) + 1).join('、');
    else if (typeof v === 'number' || typeof v === 'string') out[k] = v;
    else out[k] = v === null ? '—' : JSON.stringify(v);
  }
  return out;
}
