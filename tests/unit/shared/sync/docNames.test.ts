import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseDocName, parseDocName, volumeDocName } from '../../../../shared/sync/docNames.ts';

const uuid = '019ad3c2-7f1e-7a3b-8c4d-5e6f70819aab';

test('document names round-trip and nothing outside the scheme is accepted', () => {
  assert.deepEqual(parseDocName(caseDocName(uuid)), { kind: 'case', uuid });
  assert.deepEqual(parseDocName(volumeDocName(uuid)), { kind: 'vol', uuid });
  for (const bad of [
    '',
    'case:',
    'case:x',
    `page:${uuid}`,
    `../case:${uuid}`,
    `case:${uuid}/..`,
    `CASE:${uuid}`,
    `case:${uuid.toUpperCase()}`,
  ]) {
    assert.equal(parseDocName(bad), null, bad);
  }
});
