import type { ReplaceApplyInput, ReplaceCaseRef, ReplacePreview, ReplacePreviewInput } from '../../../shared/model/replace.ts';
import type { Client } from '../../api/client.ts';

/** What the replace dialog calls. */
export type ReplaceClient = Pick<Client, 'replace'>;

/** What the form holds; `scope` 'filtered' narrows the query to the cases the case table shows. */
export interface ReplaceForm {
  pattern: string;
  replacement: string;
  regex: boolean;
  caseSensitive: boolean;
  scope: 'volume' | 'filtered';
}

export const EMPTY_FORM: ReplaceForm = { pattern: '', replacement: '', regex: false, caseSensitive: false, scope: 'volume' };

/** The preview query for the form (the filtered scope only when there is a filter to take). */
export function previewInput(form: ReplaceForm, volumeId: number, filtered: readonly number[] | null): ReplacePreviewInput {
  return {
    volumeId,
    pattern: form.pattern,
    replacement: form.replacement,
    regex: form.regex,
    caseSensitive: form.caseSensitive,
    ...(form.scope === 'filtered' && filtered ? { caseIds: [...filtered] } : {}),
  };
}

/** Every listed hit of the replaceable cases: the default selection. */
export function allHitIds(preview: ReplacePreview): Set<string> {
  return new Set(preview.cases.flatMap((c) => c.hits.map((h) => h.id)));
}

/** The apply request for the chosen hits: cases without a chosen hit are left out. */
export function applyInput(
  query: ReplacePreviewInput,
  preview: ReplacePreview,
  selected: ReadonlySet<string>,
  reason: string,
): ReplaceApplyInput {
  const picks = preview.cases
    .map((c) => ({ caseId: c.id, version: c.version, hitIds: c.hits.map((h) => h.id).filter((id) => selected.has(id)) }))
    .filter((p) => p.hitIds.length > 0);
  return { ...query, reason: reason.trim(), picks };
}

/** Turns the given hits on (all of them already on) or off. */
export function toggleHits(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(selected);
  const allOn = ids.every((id) => next.has(id));
  for (const id of ids) {
    if (allOn) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** 'all', 'none' or 'some' of the given hits are selected (a checkbox's checked / indeterminate). */
export function selectionState(selected: ReadonlySet<string>, ids: readonly string[]): 'all' | 'none' | 'some' {
  const on = ids.filter((id) => selected.has(id)).length;
  return on === 0 ? 'none' : on === ids.length ? 'all' : 'some';
}

/** Cases an error names in `details.list` (CONFLICT, BATCH_UNDO_REFUSED, CASE_LOCKED from a replace). */
export function casesOfError(details: Record<string, unknown> | undefined): ReplaceCaseRef[] {
  const list = details?.list;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (c): c is ReplaceCaseRef =>
      typeof c === 'object' &&
      c !== null &&
      typeof (c as ReplaceCaseRef).id === 'number' &&
      typeof (c as ReplaceCaseRef).title === 'string',
  );
}
