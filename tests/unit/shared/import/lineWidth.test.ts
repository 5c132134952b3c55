import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { toTruthJson, type TruthJson } from '../../../../shared/import/truthSchema.ts';
import { lineWidth } from '../../../../shared/text/cjk.ts';

const dir = new URL('../../../fixtures/import/', import.meta.url);

describe('line fullness by display width', () => {
  test('a full justified line that ends in 。 but holds capitals and digits does not end its paragraph', () => {
    // latin-width.txt: one case typeset with the generator's line breaker; its line
    // “示屏及时发布信息，GPS定位、WiFi热点和ATM自助终端覆盖了全部楼院。” is full in print.
    const text = readFileSync(new URL('latin-width.txt', dir), 'utf8');
    const want = JSON.parse(readFileSync(new URL('latin-width.truth.json', dir), 'utf8')) as TruthJson;
    const got = toTruthJson(importText(text, { sourceName: 'latin-width.txt', encoding: 'utf-8' }));
    assert.deepEqual(got.cases[0]?.sections, want.cases[0]!.sections);
    assert.deepEqual(got, want);
  });

  test('capitals are wider than small letters, small letters wider than half an em, digits half an em', () => {
    assert.ok(lineWidth('GPS') > lineWidth('gps'));
    assert.ok(lineWidth('gps') > 1.5);
    assert.equal(lineWidth('2012'), 2);
    assert.ok(lineWidth('98.5%') > lineWidth('98.55'));
    // An ideograph is still one em, whatever Latin is around it.
    assert.ok(Math.abs(lineWidth('党建') + lineWidth('LED') - lineWidth('党建LED')) < 1e-9);
  });
});
