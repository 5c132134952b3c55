import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE, openLibrary } from '../../../main/store/index.ts';
import { SEED, runCli } from './helpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-'));
const library = path.join(tmp, 'library');
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(tmp, args);

describe('command line', () => {
  test('--help lists the commands', () => {
    const res = cli('--help');
    assert.equal(res.code, 0);
    for (const word of ['volumes list', 'volumes create', 'cases list', 'import <file>'])
      assert.ok(res.stdout.includes(word), word);
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
    assert.deepEqual(
      s1.map((s: { heading: string | null }) => s.heading),
      s2.map((s: { heading: string | null }) => s.heading),
    );
    assert.equal(out.frontMatter[0].title, truth.frontMatter[0].title);
    assert.ok(!fs.existsSync(library), 'parse-only must not create a library');
  });

  test('errors go to stderr with a non-zero exit', () => {
    const missing = cli('import', path.join(tmp, 'nope.txt'), '--json');
    assert.notEqual(missing.code, 0);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /nope\.txt/);
    const junk = path.join(tmp, 'junk.txt');
    // Binary, and no page image (an image is read by OCR).
    fs.writeFileSync(junk, Buffer.from([0x41, 0, 0x42, 0, 0, 0x43]));
    const binary = cli('import', junk, '--json');
    assert.notEqual(binary.code, 0);
    assert.equal(binary.stdout, '');
  });

  test('an import that fails says what failed and in which file, not that start-up failed', () => {
    const junk = path.join(tmp, '扫描页.txt');
    fs.writeFileSync(junk, Buffer.from([0x41, 0, 0x42, 0, 0, 0x43]));
    const lib = path.join(tmp, 'errors-library');
    const res = cli('import', junk, '--library', lib);
    assert.equal(res.code, 1);
    assert.doesNotMatch(res.stderr, /Start-up failed|启动失败/);
    assert.match(res.stderr, /IMPORT_BINARY/);
    assert.match(res.stderr, /扫描页\.txt/, "names the user's file");
    assert.match(res.stderr, /这不是文本文件/, 'in Chinese');
    assert.match(res.stderr, /neither a text file nor a PDF/, 'and in English');
    assert.doesNotMatch(res.stderr, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no staging id');
  });

  test('a command line it cannot read is a usage error (exit 2), not a crash', () => {
    for (const args of [['frobnicate'], ['--no-such-option'], ['cases', 'list'], ['import']]) {
      const res = cli(...args);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stderr, /usage|unknown|Unknown/);
      assert.doesNotMatch(res.stderr, /at .*\.ts:\d+/, 'no stack trace');
    }
  });

  test('volumes create/list, import into a library, cases list', () => {
    const created = cli('volumes', 'create', '空白卷册', '--library', library, '--json');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).title, '空白卷册');
    const imported = cli(
      'import',
      path.join(SEED, 'excerpt.txt'),
      '--scan',
      path.join(SEED, 'scan'),
      '--library',
      library,
      '--title',
      '示例',
      '--json',
    );
    assert.equal(imported.code, 0, imported.stderr);
    const volume = JSON.parse(imported.stdout);
    assert.equal(volume.scan.kind, 'images');
    assert.equal(volume.scan.pageCount, 9);
    const listed = JSON.parse(cli('volumes', 'list', '--library', library, '--json').stdout);
    assert.deepEqual(listed.map((v: { title: string }) => v.title).sort(), ['示例', '空白卷册'].sort());
    const cases = JSON.parse(cli('cases', 'list', '--volume', String(volume.id), '--library', library, '--json').stdout);
    assert.ok(
      cases.some((c: { number: number | null; title: string }) => c.number === 1 && c.title === '开设“民情论坛” 打造和谐家园'),
    );
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

  test("another computer's lock: refused naming host, pid, since and lock file; --force-unlock takes it over", () => {
    const lockFile = path.join(library, LOCK_FILE);
    const foreign = { pid: 5150, hostname: `desk-${os.hostname()}`, startedAt: '2024-05-01T08:30:00.000Z' };
    fs.writeFileSync(lockFile, JSON.stringify(foreign));
    const refused = cli('volumes', 'list', '--library', library);
    assert.equal(refused.code, 1);
    for (const part of [foreign.hostname, '5150', '2024-05-01', lockFile, '--force-unlock'])
      assert.ok(refused.stderr.includes(part), `${part} in ${refused.stderr}`);
    assert.ok(fs.existsSync(lockFile), 'nothing taken without the flag');

    const forced = cli('volumes', 'list', '--library', library, '--json', '--force-unlock');
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(Array.isArray(JSON.parse(forced.stdout)));
    assert.ok(forced.stderr.includes(foreign.hostname), 'says whose lock it took');
    assert.equal(fs.existsSync(lockFile), false, 'the command released its own lock');
  });

  test('--force-unlock never takes the lock of an instance running on this computer', () => {
    const held = openLibrary(library);
    try {
      const res = cli('volumes', 'list', '--library', library, '--force-unlock');
      assert.equal(res.code, 1);
      assert.match(res.stderr, /CONFLICT/);
      assert.ok(res.stderr.includes(String(process.pid)), res.stderr);
    } finally {
      held.close();
    }
  });

  test('a library shared with the team as a viewer: the command line reads it, and refuses every change (translated), changing nothing', () => {
    const viewerLib = path.join(tmp, 'viewer-library');
    assert.equal(cli('volumes', 'create', '团队卷册', '--library', viewerLib).code, 0);
    const lib = openLibrary(viewerLib);
    try {
      lib.db
        .prepare(
          `INSERT INTO sync_remote (id, url, user_name, token, role, created_at)
           VALUES (1, 'ws://127.0.0.1:9/sync', '丁', 'x', 'viewer', '2026-12-01T00:00:00Z')`,
        )
        .run();
    } finally {
      lib.close();
    }
    const created = cli('volumes', 'create', '新卷册', '--library', viewerLib);
    assert.notEqual(created.code, 0);
    assert.match(created.stderr, /SYNC_VIEWER_READ_ONLY/);
    assert.match(created.stderr, /只读用户（查看者）不能修改团队共享的文库/);
    const imported = cli('import', path.join(SEED, 'excerpt.txt'), '--library', viewerLib, '--title', '示例');
    assert.notEqual(imported.code, 0);
    assert.match(imported.stderr, /SYNC_VIEWER_READ_ONLY/);
    const listed = cli('volumes', 'list', '--library', viewerLib, '--json');
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(
      JSON.parse(listed.stdout).map((v: { title: string }) => v.title),
      ['团队卷册'],
      'reading works; nothing was added',
    );
  });
});
