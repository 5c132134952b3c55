import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/ipc/errors.ts';
import { CaseDoc, docToPlainText } from '../../shared/model/caseDoc.ts';
import {
  REPLACE_LIMITS,
  type ReplaceApplyInput,
  type ReplaceApplyResult,
  type ReplaceBatch,
  type ReplaceCaseRef,
  type ReplaceHit,
  type ReplacePreview,
  type ReplacePreviewCase,
  type ReplacePreviewInput,
} from '../../shared/model/replace.ts';
import {
  applyHits,
  compileReplaceQuery,
  findHits,
  hitContext,
  hitId,
  namesAfter,
  type BlockHit,
  type CaseHits,
} from '../../shared/proof/volumeReplace.ts';
import { getVolume, insertRevision, isLocked, reanchorNotes, withTransaction } from '../store/index.ts';
import {
  getBatch,
  getCaseForReplace,
  insertBatch,
  insertBatchCase,
  listBatchCases,
  listBatches,
  listVolumeCasesForReplace,
  markBatchUndone,
  writeCaseText,
  type StoredCase,
} from '../store/replaceRepo.ts';
import { nowIso, readDoc } from '../store/rows.ts';
import { REGEX_BUDGET_MS, withRegexBudget } from './regexBudget.ts';

/** Cases named in an error's message; the full list travels in `details.list`. */
const NAMED_IN_MESSAGE = 10;

function ref(c: { id: number; number: number | null; title: string }): ReplaceCaseRef {
  return { id: c.id, number: c.number, title: c.title };
}

/** `{count, cases, list}` for an error naming cases: `cases` reads in a sentence, `list` is for the UI. */
function caseList(refs: readonly ReplaceCaseRef[]): { count: number; cases: string; list: ReplaceCaseRef[] } {
  const names = refs.slice(0, NAMED_IN_MESSAGE).map((c) => `《${c.title}》`);
  if (refs.length > NAMED_IN_MESSAGE) names.push('…');
  return { count: refs.length, cases: names.join('、'), list: [...refs] };
}

function docOf(c: StoredCase): CaseDoc {
  return readDoc(c.docJson, `case ${c.id} doc`);
}

function toPreviewCase(c: StoredCase, doc: CaseDoc, found: CaseHits): ReplacePreviewCase {
  const hits = found.hits.map((h): ReplaceHit => {
    const block = doc.blocks[h.block]!;
    return {
      id: hitId(c.id, h),
      block: h.block,
      blockKind: block.kind,
      start: h.start,
      end: h.end,
      match: h.match,
      replacement: h.replacement,
      ...hitContext(block.text, h.start, h.end),
    };
  });
  return { ...ref(c), stage: c.stage, version: c.version, hits, total: found.total };
}

/**
 * Every hit of the query in the scope (a volume, or some of its cases), with context and the text
 * that would replace it. Hits are listed up to {@link REPLACE_LIMITS.previewHits}, the rest counted
 * (`truncated`). Locked (定稿) cases are listed apart: a replace never touches them.
 */
export function previewReplace(db: DatabaseSync, input: ReplacePreviewInput, budgetMs: number = REGEX_BUDGET_MS): ReplacePreview {
  getVolume(db, input.volumeId);
  const re = compileReplaceQuery(input.pattern, input);
  const scope = listVolumeCasesForReplace(db, input.volumeId, input.caseIds).map((c) => ({
    c,
    doc: docOf(c),
    locked: isLocked(db, c.id),
  }));
  const limit = REPLACE_LIMITS.previewHits;
  const found = withRegexBudget(() => {
    const left = { open: limit, locked: limit };
    return scope.map(({ doc, locked }) => {
      const key = locked ? 'locked' : 'open';
      const r = findHits(doc, re, input.replacement, input, left[key]);
      left[key] -= r.hits.length;
      return r;
    });
  }, budgetMs);

  const preview: ReplacePreview = { cases: [], locked: [], total: 0, truncated: false, limit };
  scope.forEach(({ c, doc, locked }, i) => {
    const hits = found[i]!;
    if (hits.total === 0) return;
    const row = toPreviewCase(c, doc, hits);
    if (locked) {
      preview.locked.push(row);
      return;
    }
    preview.cases.push(row);
    preview.total += hits.total;
    if (hits.hits.length < hits.total) preview.truncated = true;
  });
  return preview;
}

interface Planned {
  c: StoredCase;
  doc: CaseDoc;
  next: CaseDoc;
  hits: number;
}

/**
 * Replaces the chosen hits in one transaction: each changed case gets a new version with a
 * 'replace' revision, and the batch keeps every touched case's row as it was, for an undo.
 * A case saved since the preview is a CONFLICT naming all such cases (nothing is written); a case
 * locked since the preview is skipped and listed.
 */
export function applyReplace(
  db: DatabaseSync,
  input: ReplaceApplyInput,
  who: string,
  budgetMs: number = REGEX_BUDGET_MS,
): ReplaceApplyResult {
  getVolume(db, input.volumeId);
  const re = compileReplaceQuery(input.pattern, input);
  const inScope = input.caseIds ? new Set(input.caseIds) : null;
  const seen = new Set<number>();
  for (const p of input.picks) {
    if (seen.has(p.caseId)) throw new AppError('VALIDATION', `Case ${p.caseId} is picked twice`, { field: 'picks' });
    seen.add(p.caseId);
    if (inScope && !inScope.has(p.caseId)) {
      throw new AppError('VALIDATION', `Case ${p.caseId} is outside the replace's scope`, { field: 'picks' });
    }
  }
  const at = nowIso();
  return withTransaction(db, () => {
    const picked = input.picks.map((p) => {
      const c = getCaseForReplace(db, p.caseId);
      if (c.volumeId !== input.volumeId)
        throw new AppError('NOT_FOUND', `case ${c.id} not found in the volume`, { entity: 'case', id: c.id });
      return { p, c, locked: isLocked(db, c.id) };
    });
    const changed = picked.filter(({ p, c }) => c.version !== p.version).map(({ c }) => ref(c));
    if (changed.length > 0) {
      throw new AppError('CONFLICT', `${changed.length} case(s) changed since the preview`, caseList(changed));
    }
    const locked = picked.filter((x) => x.locked);
    const open = picked.filter((x) => !x.locked);
    if (open.length === 0) {
      const refs = locked.map(({ c }) => ref(c));
      throw new AppError('CASE_LOCKED', 'Every chosen case is final and locked', { id: refs[0]!.id, ...caseList(refs) });
    }
    const docs = open.map(({ c }) => docOf(c));
    const plans = withRegexBudget(
      () =>
        open.map(({ p, c }, i): Planned => {
          const doc = docs[i]!;
          const byId = new Map<string, BlockHit>();
          for (const h of findHits(doc, re, input.replacement, input).hits) byId.set(hitId(c.id, h), h);
          const chosen = [...new Set(p.hitIds)].map((id) => {
            const h = byId.get(id);
            if (!h) throw new AppError('VALIDATION', `Hit ${id} is not in case ${c.id} for this query`, { field: 'hitIds' });
            return h;
          });
          return { c, doc, next: applyHits(doc, chosen), hits: chosen.length };
        }),
      budgetMs,
    );

    const batchId = insertBatch(db, {
      volumeId: input.volumeId,
      find: input.pattern,
      replacement: input.replacement,
      regex: input.regex,
      caseSensitive: input.caseSensitive,
      reason: input.reason,
      who,
      at,
      hits: plans.reduce((n, p) => n + p.hits, 0),
    });
    for (const { c, doc, next, hits } of plans) {
      const version = c.version + 1;
      const docJson = JSON.stringify(next);
      const text = docToPlainText(next);
      const names = namesAfter(doc, next);
      writeCaseText(db, {
        id: c.id,
        version,
        docJson,
        text,
        title: names.title ?? c.title,
        organization: names.organization ?? c.organization,
        at,
      });
      insertRevision(db, { caseId: c.id, version, kind: 'replace', who, at, docJson, text });
      insertBatchCase(db, {
        batchId,
        caseId: c.id,
        hits,
        versionBefore: c.version,
        versionAfter: version,
        docBefore: c.docJson,
        textBefore: c.text,
        titleBefore: c.title,
        organizationBefore: c.organization,
      });
    }
    return { batch: getBatch(db, batchId), locked: locked.map(({ c }) => ref(c)) };
  });
}

export function listReplaceBatches(db: DatabaseSync, volumeId: number): ReplaceBatch[] {
  getVolume(db, volumeId);
  return listBatches(db, volumeId);
}

/**
 * Undoes a batch — any, not only the last — by putting back every touched case's row exactly as it
 * was before it, each as a new version with an 'undo-replace' revision, in one transaction. Refused
 * as a whole (nothing written) when a touched case was edited after the batch (BATCH_UNDO_REFUSED,
 * naming them: the undo would overwrite that edit) or is locked now (CASE_LOCKED); a batch undone
 * already is BATCH_ALREADY_UNDONE. Cases deleted since are gone and need nothing.
 */
export function undoReplaceBatch(db: DatabaseSync, batchId: number, who: string): ReplaceBatch {
  const at = nowIso();
  return withTransaction(db, () => {
    const batch = getBatch(db, batchId);
    if (batch.undoneAt !== null) {
      throw new AppError('BATCH_ALREADY_UNDONE', `Batch ${batchId} was undone already`, {
        who: batch.undoneBy ?? '',
        at: batch.undoneAt,
      });
    }
    const rows = listBatchCases(db, batchId);
    const edited = rows.filter((r) => r.currentVersion !== r.versionAfter).map((r) => ref({ ...r, id: r.caseId }));
    if (edited.length > 0) {
      throw new AppError('BATCH_UNDO_REFUSED', `${edited.length} case(s) were edited after batch ${batchId}`, caseList(edited));
    }
    const locked = rows.filter((r) => isLocked(db, r.caseId)).map((r) => ref({ ...r, id: r.caseId }));
    if (locked.length > 0) {
      throw new AppError('CASE_LOCKED', `${locked.length} case(s) of batch ${batchId} are final and locked`, {
        id: locked[0]!.id,
        ...caseList(locked),
      });
    }
    for (const r of rows) {
      const version = r.currentVersion + 1;
      // The restored document may predate block ids given since: notes added meanwhile keep an anchor.
      reanchorNotes(db, r.caseId, CaseDoc.parse(JSON.parse(r.docBefore)));
      writeCaseText(db, {
        id: r.caseId,
        version,
        docJson: r.docBefore,
        text: r.textBefore,
        title: r.titleBefore,
        organization: r.organizationBefore,
        at,
      });
      insertRevision(db, { caseId: r.caseId, version, kind: 'undo-replace', who, at, docJson: r.docBefore, text: r.textBefore });
    }
    markBatchUndone(db, batchId, who, at);
    return getBatch(db, batchId);
  });
}
