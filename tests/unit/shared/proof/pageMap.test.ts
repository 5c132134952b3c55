import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { casePageRange, scanPageFor } from '../../../../shared/proof/pageMap.ts';

const scan = { kind: 'pdf' as const, files: ['x.pdf'], pageCount: 9, offset: 2 };

describe('scanPageFor', () => {
  test('uses the page pairing when set, else index + offset', () => {
    const pages = [
      { index: 0, scanPage: null },
      { index: 1, scanPage: 7 },
    ];
    assert.equal(scanPageFor(0, pages, scan), 2);
    assert.equal(scanPageFor(1, pages, scan), 7);
    assert.equal(scanPageFor(5, pages, scan), 7);
  });
  test('null without a scan or outside it', () => {
    assert.equal(scanPageFor(0, [], null), null);
    assert.equal(scanPageFor(7, [], scan), null);
    assert.equal(scanPageFor(0, [], { ...scan, offset: -1 }), null);
  });
});

describe('casePageRange', () => {
  test('merges document pages with the stored range', () => {
    assert.deepEqual(casePageRange([5, 6, 8], 5, 8), [5, 6, 7, 8]);
    assert.deepEqual(casePageRange([3], null, null), [3]);
  });
});
