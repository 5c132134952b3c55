import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, MENU_COMMANDS, type MenuCommand } from '../../../../main/electron/menu.ts';

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

test('zh-CN menu has the File items in order', () => {
  const t = buildMenuTemplate('zh-CN', { command: () => undefined });
  assert.deepEqual(
    t.map((m) => m.label),
    ['文件', '编辑', '视图', '帮助'],
  );
  assert.deepEqual(labels(submenu(t[0])), ['新建卷册', '导入…', '导出…', '打开资料库…', '退出']);
  assert.deepEqual(labels(submenu(t[3])), ['关于']);
});

test('en menu has the same structure', () => {
  const zh = buildMenuTemplate('zh-CN', { command: () => undefined });
  const en = buildMenuTemplate('en', { command: () => undefined });
  assert.deepEqual(
    en.map((m) => m.label),
    ['File', 'Edit', 'View', 'Help'],
  );
  assert.deepEqual(labels(submenu(en[0])), ['New Volume', 'Import…', 'Export…', 'Open Library…', 'Quit']);
  const shape = (t: MenuItemConstructorOptions[]) => t.map((m) => submenu(m).map((i) => i.role ?? i.id ?? i.type));
  assert.deepEqual(shape(en), shape(zh));
  const every = (t: MenuItemConstructorOptions[]): string[] => t.flatMap((m) => [String(m.label ?? ''), ...every(submenu(m))]);
  for (const label of [...every(zh), ...every(en)])
    assert.doesNotMatch(label, /^menu\./, 'every label found in the string tables');
});

test('edit and view use native roles', () => {
  const t = buildMenuTemplate('en', { command: () => undefined });
  assert.deepEqual(
    submenu(t[1])
      .filter((i) => i.role)
      .map((i) => i.role),
    ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'],
  );
  assert.deepEqual(
    submenu(t[2])
      .filter((i) => i.role)
      .map((i) => i.role),
    ['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut'],
  );
  assert.equal(submenu(t[0]).at(-1)?.role, 'quit');
});

test('every app command is reachable and reports its id', () => {
  const got: MenuCommand[] = [];
  const t = buildMenuTemplate('zh-CN', { command: (id) => got.push(id) });
  for (const item of t.flatMap(submenu)) {
    if (item.click) (item.click as () => void)();
  }
  assert.deepEqual([...got].sort(), [...MENU_COMMANDS].sort());
});

test('macOS gets the application menu first', () => {
  const t = buildMenuTemplate('en', { command: () => undefined, platform: 'darwin' });
  assert.equal(t[0]?.role, 'appMenu');
  assert.equal(t[1]?.label, 'File');
});
