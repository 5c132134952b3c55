import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../../../main/store/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-'));
const library = path.join(tmp, 'library');
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'main', 'cli', 'index.ts'), '--data-dir', tmp, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('command line', () => {
  test('--help lists the commands', () => {
    const res = cli('--help');
    assert.equal(res.code, 0);
    for (const word of ['volumes list', 'volumes create', 'cases list', 'import <file>']) assert.ok(res.stdout.includes(word), word);
  });

  test('import --json without a library prints only the parse, in the seed truth schema', () => {
    const res = cli('import', path.join(SEED, 'excerpt.txt'), '--json');
    assert.equal(res.code, 0, res.stderr);
    const out = JSON.parse(res.stdout);
    const truth = JSON.parse(fs.readFileSync(path.join(SEED, 'excerpt.truth.json'), 'utf8'));
    assert.deepEqual(out.pages, truth.pages);
    assert.deepEqual(out.toc, truth.toc);
    const { sections: s1, ...case1 } = out.cases[0];
    const { sections: s2, ...truth1 } = truth.cases[0];
    assert.deepEqual(case1, truth1);
    assert.deepEqual(s1.map((s: { heading: string | null }) => s.heading), s2.map((s: { heading: string | null }) => s.heading));
    assert.equal(out.frontMatter[0].title, truth.frontMatter[0].title);
    assert.ok(!fs.existsSync(library), 'parse-only must not create a library');
  });

  test('errors go to stderr with a non-zero exit', () => {
    const missing = cli('import', path.join(tmp, 'nope.txt'), '--json');
    assert.notEqual(missing.code, 0);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /nope\.txt/);
    const junk = path.join(tmp, 'junk.txt');
    fs.writeFileSync(junk, fs.readFileSync(path.join(SEED, 'scan', 'page-002.jpg')));
    const binary = cli('import', junk, '--json');
    assert.notEqual(binary.code, 0);
    assert.equal(binary.stdout, '');
  });

  test('volumes create/list, import into a library, cases list', () => {
    const created = cli('volumes', 'create', '空白卷册', '--library', library, '--json');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).title, '空白卷册');
    const imported = cli('import', path.join(SEED, 'excerpt.txt'), '--scan', path.join(SEED, 'scan'), '--library', library, '--title', '示例', '--json');
    assert.equal(imported.code, 0, imported.stderr);
    const volume = JSON.parse(imported.stdout);
    assert.equal(volume.scan.kind, 'images');
    assert.equal(volume.scan.pageCount, 9);
    const listed = JSON.parse(cli('volumes', 'list', '--library', library, '--json').stdout);
    assert.deepEqual(listed.map((v: { title: string }) => v.title).sort(), ['示例', '空白卷册'].sort());
    const cases = JSON.parse(cli('cases', 'list', '--volume', String(volume.id), '--library', library, '--json').stdout);
    assert.ok(cases.some((c: { number: number | null; title: string }) => c.number === 1 && c.title === '开设“民情论坛” 打造和谐家园'));
    const plain = cli('volumes', 'list', '--library', library);
    assert.match(plain.stdout, /示例/);
  });

  test('a library locked by another process is refused, naming it', () => {
    const held = openLibrary(library);
    try {
      const res = cli('volumes', 'list', '--library', library);
      assert.notEqual(res.code, 0);
      assert.ok(res.stderr.includes(library), res.stderr);
    } finally {
      held.close();
    }
  });
});
