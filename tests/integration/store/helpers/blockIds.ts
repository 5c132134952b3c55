import assert from 'node:assert/strict';
import type { CaseDoc } from '../../../../shared/model/caseDoc.ts';

/** A stored document without its block ids (the store adds them), to compare with what went in. */
export function withoutBlockIds(doc: CaseDoc): CaseDoc {
  return {
    ...doc,
    blocks: doc.blocks.map((b) => {
      const copy = { ...b };
      delete copy.id;
      return copy;
    }),
  };
}

/** Every block carries an id, none twice. */
export function assertBlockIds(doc: CaseDoc): void {
  const ids = doc.blocks.map((b) => b.id);
  assert.ok(
    ids.every((id) => typeof id === 'string' && id.length > 0),
    'every block has an id',
  );
  assert.equal(new Set(ids).size, ids.length, 'no id repeats');
}
