import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listCases, openLibrary, setStage } from '../../../main/store/index.ts';
import { pandocPlain } from '../export/readers.ts';
import { SEED, runCli } from './helpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-export-'));
const library = path.join(tmp, 'library');
const out = path.join(tmp, 'out');
fs.mkdirSync(out);
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(tmp, ['--library', library, ...args], 120_000);

const imported = cli('import', path.join(SEED, 'excerpt.txt'), '--title', '示例卷', '--json');
assert.equal(imported.code, 0, imported.stderr);
const volumeId = String(JSON.parse(imported.stdout).id);

describe('export on the command line', () => {
  test('nothing at 定稿: a clear error in both languages, exit 1, no file', () => {
    const target = path.join(out, 'none.docx');
    const res = cli('export', '--volume', '示例卷', '--format', 'docx', '--out', target);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /EXPORT_EMPTY_SCOPE/);
    assert.match(res.stderr, /所选导出范围内没有案例/);
    assert.match(res.stderr, /No case is in the chosen export scope/);
    assert.equal(fs.existsSync(target), false);
  });

  test('--all writes the whole volume and says what it wrote', () => {
    const target = path.join(out, 'volume.docx');
    const res = cli(
      'export',
      '--volume',
      volumeId,
      '--all',
      '--format',
      'docx',
      '--out',
      target,
      '--page-size',
      'a4',
      '--preset',
      'gongwen',
    );
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, new RegExp(`^wrote ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 2 case\\(s\\)`, 'm'));
    assert.doesNotMatch(res.stdout, /left out/);
    const plain = pandocPlain(target, 'docx');
    assert.ok(plain.indexOf('学习先进典型') < plain.indexOf('开设“民情论坛”'));
  });

  test('--stage 定稿 after a case reaches it; the foreword left out is listed', () => {
    const lib = openLibrary(library);
    try {
      const c1 = listCases(lib.db, Number(volumeId)).find((c) => c.number === 1)!;
      setStage(lib.db, { id: c1.id, stage: 'final', who: 'test' });
    } finally {
      lib.close();
    }
    const target = path.join(out, 'final.md');
    const res = cli('export', '--volume', '示例卷', '--stage', '定稿', '--format', 'md', '--out', target);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /left out 1 case\(s\):\n {2}—\t学习先进典型 争创一流业绩\t已导入/);
    assert.match(fs.readFileSync(target, 'utf8'), /^# 开设“民情论坛” 打造和谐家园/m);
  });

  test('--cases by number, one file per case into a folder, --json summary', () => {
    const folder = path.join(out, 'cases');
    const res = cli('export', '--volume', volumeId, '--cases', '1', '--format', 'txt', '--out', folder, '--per-case', '--json');
    assert.equal(res.code, 0, res.stderr);
    const summary = JSON.parse(res.stdout);
    assert.equal(summary.files, 1);
    assert.deepEqual(fs.readdirSync(folder), ['001-开设“民情论坛” 打造和谐家园.txt']);
  });

  test('an unknown volume, a missing case number, an unwritable destination: exit 1 naming it, nothing written', () => {
    const unknown = cli('export', '--volume', '没有这卷', '--all', '--format', 'docx', '--out', path.join(out, 'u.docx'));
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /NOT_FOUND/);
    assert.match(unknown.stderr, /没有这卷/);
    assert.match(unknown.stderr, /示例卷/, 'names the volumes there are');
    const missingCase = cli(
      'export',
      '--volume',
      volumeId,
      '--cases',
      '1,7',
      '--format',
      'docx',
      '--out',
      path.join(out, 'm.docx'),
    );
    assert.equal(missingCase.code, 1);
    assert.match(missingCase.stderr, /No case number 7/);
    const blocked = path.join(out, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    const target = path.join(blocked, 'x.docx');
    const unwritable = cli('export', '--volume', volumeId, '--all', '--format', 'docx', '--out', target);
    assert.equal(unwritable.code, 1);
    assert.match(unwritable.stderr, /EXPORT_DESTINATION/);
    assert.ok(unwritable.stderr.includes(target), 'names the destination');
    assert.deepEqual(
      fs.readdirSync(out).filter((f) => f.endsWith('.part') || ['u.docx', 'm.docx'].includes(f)),
      [],
    );
  });

  test('a JSON export imports back as the same cases', () => {
    const target = path.join(out, 'round-trip.json');
    const exported = cli('export', '--volume', volumeId, '--all', '--format', 'json', '--out', target);
    assert.equal(exported.code, 0, exported.stderr);
    const back = cli('import', target, '--title', '导回的卷', '--json');
    assert.equal(back.code, 0, back.stderr);
    const backId = JSON.parse(back.stdout).id as number;
    const lib = openLibrary(library, { readOnly: true });
    try {
      const shape = (id: number) => listCases(lib.db, id).map((c) => [c.number, c.title, c.organization, c.stage]);
      assert.deepEqual(shape(backId), shape(Number(volumeId)));
    } finally {
      lib.close();
    }
  });

  test('a command line it cannot read is a usage error (exit 2)', () => {
    for (const args of [
      ['export', '--volume', volumeId, '--format', 'doc', '--out', path.join(out, 'x')],
      ['export', '--volume', volumeId, '--format', 'docx'],
      ['export', '--volume', volumeId, '--all', '--stage', '定稿', '--format', 'docx', '--out', path.join(out, 'x')],
      ['export', '--volume', volumeId, '--stage', '完成', '--format', 'docx', '--out', path.join(out, 'x')],
    ]) {
      const res = cli(...args);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stderr, /usage: export|unknown stage/);
    }
  });
});
