import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplacePreview, ReplacePreviewCase } from '../../../../../shared/model/replace.ts';
import {
  allHitIds,
  applyInput,
  casesOfError,
  EMPTY_FORM,
  previewInput,
  selectionState,
  toggleHits,
} from '../../../../../renderer/features/volumeReplace/replaceFlow.ts';

function previewCase(id: number, version: number, hitIds: string[]): ReplacePreviewCase {
  return {
    id,
    number: id,
    title: `案例${id}`,
    stage: 'imported',
    version,
    total: hitIds.length,
    hits: hitIds.map((hid, i) => ({
      id: hid,
      block: 0,
      blockKind: 'body',
      start: i,
      end: i + 1,
      before: '',
      match: '的',
      after: '',
      replacement: '地',
    })),
  };
}

const preview: ReplacePreview = {
  cases: [previewCase(1, 3, ['1:0:0', '1:0:5']), previewCase(2, 1, ['2:1:4'])],
  locked: [previewCase(9, 2, ['9:0:0'])],
  total: 3,
  truncated: false,
  limit: 2000,
};

test('the filtered scope sends the case ids; the volume scope or no filter sends none', () => {
  const form = { ...EMPTY_FORM, pattern: '的', replacement: '地' };
  assert.equal(previewInput(form, 4, [1, 2]).caseIds, undefined);
  assert.deepEqual(previewInput({ ...form, scope: 'filtered' }, 4, [1, 2]).caseIds, [1, 2]);
  assert.equal(previewInput({ ...form, scope: 'filtered' }, 4, null).caseIds, undefined);
  assert.deepEqual(previewInput(form, 4, null), {
    volumeId: 4,
    pattern: '的',
    replacement: '地',
    regex: false,
    caseSensitive: false,
  });
});

test('every replaceable hit is selected by default; locked ones never', () => {
  assert.deepEqual([...allHitIds(preview)].sort(), ['1:0:0', '1:0:5', '2:1:4']);
});

test('apply picks the chosen hits per case with the previewed version, trimming the reason', () => {
  const query = previewInput({ ...EMPTY_FORM, pattern: '的', replacement: '地' }, 4, null);
  const input = applyInput(query, preview, new Set(['1:0:5', '9:0:0']), '  统一用字 ');
  assert.equal(input.reason, '统一用字');
  assert.deepEqual(input.picks, [{ caseId: 1, version: 3, hitIds: ['1:0:5'] }]);
  assert.equal(input.pattern, '的');
});

test('toggling a group turns all on unless all are on; the state says all, some or none', () => {
  const ids = ['a', 'b', 'c'];
  const some = new Set(['a']);
  assert.equal(selectionState(some, ids), 'some');
  const all = toggleHits(some, ids);
  assert.equal(selectionState(all, ids), 'all');
  const none = toggleHits(all, ids);
  assert.equal(selectionState(none, ids), 'none');
  assert.deepEqual([...toggleHits(new Set(['x']), ['a'])].sort(), ['a', 'x'], 'other hits are left alone');
});

test('the cases an error lists are read from its details, ignoring anything malformed', () => {
  assert.deepEqual(casesOfError({ list: [{ id: 2, number: null, title: '甲' }, { id: 'x' }, null] }), [
    { id: 2, number: null, title: '甲' },
  ]);
  assert.deepEqual(casesOfError(undefined), []);
  assert.deepEqual(casesOfError({ list: '甲' }), []);
});
