import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE, checkIntegrity, listVolumes, openLibrary } from '../../../main/store/index.ts';
import { backupsDir, listBackups } from '../../../main/store/backups.ts';
import { runCli } from './helpers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-cli-backup-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(tmp, args);

function titles(library: string): string[] {
  const lib = openLibrary(library, { readOnly: true });
  try {
    assert.deepEqual(checkIntegrity(lib.db), []);
    return listVolumes(lib.db).map((v) => v.title);
  } finally {
    lib.close();
  }
}

describe('command line: backup and restore', () => {
  test('--help lists them', () => {
    const res = cli('--help');
    assert.match(res.stdout, /backup/);
    assert.match(res.stdout, /restore \[NAME \| --latest\]/);
  });

  test('backup prints name and size; restore lists, refuses to guess, and brings a damaged library back', () => {
    const library = path.join(tmp, 'library');
    assert.equal(cli('volumes', 'create', '第一卷', '--library', library).code, 0);
    const made = cli('backup', '--library', library);
    assert.equal(made.code, 0, made.stderr);
    const [name, size] = made.stdout.trim().split('\t');
    assert.match(name!, /^\d{8}T\d{9}Z-manual-manual\.sqlite$/);
    assert.match(size!, /^\d+(\.\d)? (B|KB|MB)$/);
    assert.ok(fs.existsSync(path.join(backupsDir(library), name!)));
    assert.equal(cli('volumes', 'create', '备份之后', '--library', library).code, 0);

    const listed = cli('restore', '--library', library);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`${name}\\tmanual\\t`));

    // Damaged: start-up refuses it and points at restore; restore does not need to open it.
    const file = path.join(library, DB_FILE);
    fs.truncateSync(file, 0);
    const refused = cli('volumes', 'list', '--library', library);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /restore --latest/);
    assert.equal(fs.statSync(file).size, 0, 'refused untouched');

    assert.equal(cli('restore', name!, '--latest', '--library', library).code, 2, 'a name and --latest: usage error');
    const restored = cli('restore', '--latest', '--library', library);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, new RegExp(`restored ${name}`));
    assert.match(restored.stdout, /kept as \d{8}T\d{9}Z-pre-restore/);
    assert.deepEqual(titles(library), ['第一卷']);
    assert.equal(listBackups(library).filter((b) => b.kind === 'pre-restore').length, 1);

    // --latest skips pre-restore copies: it restores the same backup again, not the 0-byte file.
    const again = cli('restore', '--latest', '--json', '--library', library);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).name, name);
    assert.deepEqual(titles(library), ['第一卷']);
  });

  test('restore refuses while the library is open, and names an unknown backup', () => {
    const library = path.join(tmp, 'open-library');
    assert.equal(cli('volumes', 'create', '卷', '--library', library).code, 0);
    const name = cli('backup', '--library', library).stdout.split('\t')[0]!;
    const unknown = cli('restore', 'nope.sqlite', '--library', library);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /NOT_FOUND/);
    assert.match(unknown.stderr, /nope\.sqlite/);
    const lib = openLibrary(library);
    try {
      const locked = cli('restore', name, '--library', library);
      assert.equal(locked.code, 1);
      assert.match(locked.stderr, /in use|使用/);
    } finally {
      lib.close();
    }
    const empty = cli('restore', '--latest', '--library', path.join(tmp, 'no-backups'));
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /No backups/);
  });
});
