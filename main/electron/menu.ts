import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/model/prefs.ts';
import type { AppEvent } from '../../shared/ipc/transport.ts';

/** Event sent to the page when an app command is chosen from the menu; its argument is a {@link MenuCommand}. */
export const APP_MENU_EVENT = 'app:menu' satisfies AppEvent;

export const MENU_COMMANDS = ['newVolume', 'import', 'export', 'openLibrary', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

type Labels = {
  file: string;
  edit: string;
  view: string;
  help: string;
  newVolume: string;
  import: string;
  export: string;
  openLibrary: string;
  quit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  reload: string;
  devTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  about: string;
};

export const MENU_LABELS: Record<Language, Labels> = {
  'zh-CN': {
    file: '文件',
    edit: '编辑',
    view: '视图',
    help: '帮助',
    newVolume: '新建卷册',
    import: '导入…',
    export: '导出…',
    openLibrary: '打开资料库…',
    quit: '退出',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    about: '关于',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    newVolume: 'New Volume',
    import: 'Import…',
    export: 'Export…',
    openLibrary: 'Open Library…',
    quit: 'Quit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    about: 'About',
  },
};

export interface MenuHandlers {
  /** An app command was chosen (the caller forwards it to the page, or handles it in main). */
  command(id: MenuCommand): void;
  /** `process.platform`; macOS gets the standard application menu first. */
  platform?: string;
}

/** The application menu as plain data, so both languages can be checked without Electron. */
export function buildMenuTemplate(lang: Language, handlers: MenuHandlers): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[lang];
  const cmd = (id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label: t[id],
    ...(accelerator ? { accelerator } : {}),
    click: () => handlers.command(id),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      id: 'file',
      label: t.file,
      submenu: [
        cmd('newVolume', 'CmdOrCtrl+N'),
        cmd('import', 'CmdOrCtrl+I'),
        cmd('export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        cmd('openLibrary', 'CmdOrCtrl+O'),
        { type: 'separator' },
        { id: 'quit', role: 'quit', label: t.quit },
      ],
    },
    {
      id: 'edit',
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      id: 'view',
      label: t.view,
      submenu: [
        { role: 'reload', label: t.reload },
        { role: 'toggleDevTools', label: t.devTools },
        { type: 'separator' },
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
      ],
    },
    { id: 'help', label: t.help, role: 'help', submenu: [cmd('about')] },
  ];
  if (handlers.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
