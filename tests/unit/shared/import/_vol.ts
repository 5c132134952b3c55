import { readFileSync } from 'node:fs';
import { importText } from '../../../../shared/import/pipeline.ts';
import { toTruthJson, type TruthJson } from '../../../../shared/import/truthSchema.ts';
import { paragraphDistance, structureOf } from './truthCompare.ts';
import { isDeepStrictEqual } from 'node:util';
const dir = process.argv[2]!;
const text = readFileSync(dir + '/volume.txt', 'utf8');
const want = JSON.parse(readFileSync(dir + '/volume.truth.json', 'utf8')) as TruthJson;
const times: number[] = [];
let r = importText(text, { sourceName: 'volume.txt', encoding: 'utf-8' });
for (let i = 0; i < 7; i++) { const t0 = performance.now(); r = importText(text, { sourceName: 'volume.txt', encoding: 'utf-8' }); times.push(performance.now() - t0); }
times.sort((a, b) => a - b);
console.log('import ms median', times[3]!.toFixed(1), 'min', times[0]!.toFixed(1));
const got = toTruthJson(r);
const d = paragraphDistance(got, want);
console.log('distance', d.changed, d.total, (d.ratio * 100).toFixed(3) + '%');
const sg = structureOf(got) as any, sw = structureOf(want) as any;
for (const k of ['pages', 'frontMatter', 'toc']) if (!isDeepStrictEqual(sg[k], sw[k])) console.log('MISMATCH', k, JSON.stringify(sg[k]).slice(0, 300), '\n   want', JSON.stringify(sw[k]).slice(0, 300));
console.log('cases', sg.cases.length, sw.cases.length);
let bad = 0;
for (let i = 0; i < Math.max(sg.cases.length, sw.cases.length); i++) {
  if (!isDeepStrictEqual(sg.cases[i], sw.cases[i])) { bad++; if (bad <= 6) console.log('CASE', i, JSON.stringify(sg.cases[i]), '\n  want', JSON.stringify(sw.cases[i])); }
}
console.log('bad cases', bad);
if (sg.pages && !isDeepStrictEqual(sg.pages, sw.pages)) { for (let i = 0; i < sw.pages.length; i++) if (!isDeepStrictEqual(sg.pages[i], sw.pages[i])) { console.log('page', JSON.stringify(sg.pages[i]), JSON.stringify(sw.pages[i])); } }
for (const i of [24, 31, 70]) {
  const gs = got.cases[i]!.sections, ws = want.cases[i]!.sections;
  for (let k = 0; k < ws.length; k++) if (gs[k]!.paragraphs.length !== ws[k]!.paragraphs.length) {
    const p = gs[k]!.paragraphs; console.log(i, k, p.map(x => '…' + x.slice(-25) + ' || ' + x.slice(0, 20)).join('\n   '));
  }
}
