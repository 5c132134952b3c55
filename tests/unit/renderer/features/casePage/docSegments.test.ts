import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseDoc } from '../../../../../shared/model/caseDoc.ts';
import { segmentDoc } from '../../../../../renderer/features/casePage/docSegments.ts';

test('a page marker opens the text and appears where the page changes between blocks', () => {
  const doc: CaseDoc = {
    version: 1,
    blocks: [
      { kind: 'title', text: '开设“民情论坛” 打造和谐家园', page: 5, breaks: [] },
      { kind: 'organization', text: '康乐路社区党总支', page: 5, breaks: [] },
      { kind: 'body', text: '临洮街街道', page: 6, breaks: [] },
    ],
  };
  assert.deepEqual(
    segmentDoc(doc).map((s) => (s.type === 'page' ? `#${s.page}` : s.kind)),
    ['#5', 'title', 'organization', '#6', 'body'],
  );
});

test('a break inside a block splits its text at the offset', () => {
  const doc: CaseDoc = {
    version: 1,
    blocks: [
      { kind: 'body', text: '甲乙丙丁戊', page: 6, breaks: [{ at: 2, page: 7 }] },
      { kind: 'body', text: '己庚', page: 7, breaks: [] },
    ],
  };
  const segs = segmentDoc(doc);
  assert.equal(segs.length, 3);
  assert.deepEqual(segs[1], {
    type: 'block',
    index: 0,
    kind: 'body',
    pieces: [
      { type: 'text', text: '甲乙' },
      { type: 'page', page: 7 },
      { type: 'text', text: '丙丁戊' },
    ],
  });
  // The next block starts on the page already announced: no second marker.
  assert.equal(segs[2]?.type, 'block');
});

test('a break repeating the current page adds nothing; an empty block still renders', () => {
  const doc: CaseDoc = {
    version: 1,
    blocks: [
      { kind: 'body', text: '甲乙', page: 1, breaks: [{ at: 1, page: 1 }] },
      { kind: 'other', text: '', page: 1, breaks: [] },
    ],
  };
  const segs = segmentDoc(doc);
  assert.deepEqual(segs[1], { type: 'block', index: 0, kind: 'body', pieces: [{ type: 'text', text: '甲乙' }] });
  assert.deepEqual(segs[2], { type: 'block', index: 1, kind: 'other', pieces: [{ type: 'text', text: '' }] });
});
