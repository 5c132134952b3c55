import type { ImportResult } from '../../../shared/model/importResult.ts';
import { parseWarning } from '../../../shared/import/warnings.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatCaseNumber } from '../library/caseTable.ts';
import { pageRangeLabel } from './importFlow.ts';

export function PreviewCases({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  if (result.cases.length === 0) return <p className="empty-hint">{t('import.noCases')}</p>;
  return (
    <table className="data-table" data-testid="preview-cases">
      <thead>
        <tr>
          <th className="col-num">{t('import.colNumber')}</th>
          <th>{t('import.colTitle')}</th>
          <th>{t('import.colOrganization')}</th>
          <th className="col-pages">{t('import.colPageRange')}</th>
        </tr>
      </thead>
      <tbody>
        {result.cases.map((c, i) => (
          <tr key={i} data-testid="preview-case-row">
            <td className="col-num">{formatCaseNumber(c.number)}</td>
            <td>{c.title}</td>
            <td className="muted">{c.organization}</td>
            <td className="col-pages">
              {c.printedPages
                ? c.printedPages[0] === c.printedPages[1]
                  ? String(c.printedPages[0])
                  : `${c.printedPages[0]}–${c.printedPages[1]}`
                : pageRangeLabel(result.pages, c.pageStart, c.pageEnd)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PreviewToc({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  if (result.toc.length === 0) return <p className="empty-hint">{t('import.noToc')}</p>;
  return (
    <table className="data-table" data-testid="preview-toc">
      <thead>
        <tr>
          <th className="col-num">{t('import.colNumber')}</th>
          <th>{t('import.colTitle')}</th>
          <th>{t('import.colOrganization')}</th>
          <th className="col-pages">{t('import.colPages')}</th>
        </tr>
      </thead>
      <tbody>
        {result.toc.map((e, i) => (
          <tr key={i} data-testid="preview-toc-row">
            <td className="col-num">{formatCaseNumber(e.number)}</td>
            <td>{e.title ?? <span className="muted">{t('common.none')}</span>}</td>
            <td className="muted">{e.organization ?? t('common.none')}</td>
            <td className="col-pages">{e.page ?? t('common.none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PreviewFrontMatter({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  if (result.frontMatter.length === 0) return <p className="empty-hint">{t('import.noFront')}</p>;
  return (
    <table className="data-table" data-testid="preview-front">
      <thead>
        <tr>
          <th>{t('import.colKind')}</th>
          <th>{t('import.colTitle')}</th>
          <th>{t('import.colByline')}</th>
          <th className="col-count">{t('import.colParagraphs')}</th>
          <th className="col-pages">{t('import.colPageRange')}</th>
        </tr>
      </thead>
      <tbody>
        {result.frontMatter.map((f, i) => (
          <tr key={i} data-testid="preview-front-row">
            <td>{t(`import.frontKinds.${f.kind}`)}</td>
            <td>
              {f.title}
              {f.date ? <span className="muted small"> · {f.date}</span> : null}
            </td>
            <td className="muted">{f.byline ?? t('common.none')}</td>
            <td className="col-count">{f.paragraphs.length}</td>
            <td className="col-pages">{pageRangeLabel(result.pages, f.pageStart, f.pageEnd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Warnings come as `key:{params} English sentence`; shown translated by key, else as the sentence. */
export function PreviewWarnings({ warnings }: { warnings: readonly string[] }) {
  const { t, lookup } = useI18n();
  if (warnings.length === 0) return <p className="empty-hint">{t('import.noWarnings')}</p>;
  return (
    <ul className="warning-list" data-testid="preview-warnings">
      {warnings.map((w, i) => {
        const parsed = parseWarning(w);
        const params = parsed ? warningParams(parsed.params) : {};
        const text = parsed ? (lookup(`warnings.${parsed.key}`, params) ?? parsed.message) : w;
        return (
          <li key={i} data-warning={parsed?.key}>
            {text}
          </li>
        );
      })}
    </ul>
  );
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
