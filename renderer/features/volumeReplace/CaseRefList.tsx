import type { ReplaceCaseRef } from '../../../shared/model/replace.ts';
import { routeHref } from '../../router.ts';
import { formatCaseNumber } from '../library/caseTable.ts';

/** Cases named by a replace's outcome or refusal, each a link to the case. */
export function CaseRefList({ cases, testId }: { cases: readonly ReplaceCaseRef[]; testId: string }) {
  if (cases.length === 0) return null;
  return (
    <ul className="case-ref-list" data-testid={testId}>
      {cases.map((c) => (
        <li key={c.id} data-case-id={c.id}>
          <a href={routeHref({ name: 'case', id: c.id })}>
            {c.number !== null ? <span className="case-ref-list__number">{formatCaseNumber(c.number)}</span> : null}
            {c.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
