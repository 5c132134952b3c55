import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/model/prefs.ts';
import type { AppEvent, MenuCommand } from '../../shared/ipc/transport.ts';
import { tr } from '../i18n/strings.ts';

/** Event sent to the page when an app command is chosen from the menu; its argument is a {@link MenuCommand}. */
export const APP_MENU_EVENT = 'app:menu' satisfies AppEvent;

export { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/transport.ts';

/** Every label the menu shows: a key of the `menu` section of the app's string tables. */
type Label =
  | 'file'
  | 'edit'
  | 'view'
  | 'help'
  | MenuCommand
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'devTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut';

export interface MenuHandlers {
  /** An app command was chosen (the caller forwards it to the page, or handles it in main). */
  command(id: MenuCommand): void;
  /** `process.platform`; macOS gets the standard application menu first. */
  platform?: string;
}

/** The application menu as plain data, so both languages can be checked without Electron. */
export function buildMenuTemplate(lang: Language, handlers: MenuHandlers): MenuItemConstructorOptions[] {
  const label = (key: Label): string => tr(lang, `menu.${key}`);
  const cmd = (id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label: label(id),
    ...(accelerator ? { accelerator } : {}),
    click: () => handlers.command(id),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      id: 'file',
      label: label('file'),
      submenu: [
        cmd('newVolume', 'CmdOrCtrl+N'),
        cmd('import', 'CmdOrCtrl+I'),
        cmd('export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        cmd('openLibrary', 'CmdOrCtrl+O'),
        { type: 'separator' },
        { id: 'quit', role: 'quit', label: label('quit') },
      ],
    },
    {
      id: 'edit',
      label: label('edit'),
      submenu: [
        { role: 'undo', label: label('undo') },
        { role: 'redo', label: label('redo') },
        { type: 'separator' },
        { role: 'cut', label: label('cut') },
        { role: 'copy', label: label('copy') },
        { role: 'paste', label: label('paste') },
        { role: 'selectAll', label: label('selectAll') },
        { type: 'separator' },
        cmd('search', 'CmdOrCtrl+Shift+F'),
        cmd('replace', 'CmdOrCtrl+Shift+H'),
        cmd('wordList'),
      ],
    },
    {
      id: 'view',
      label: label('view'),
      submenu: [
        { role: 'reload', label: label('reload') },
        { role: 'toggleDevTools', label: label('devTools') },
        { type: 'separator' },
        { role: 'resetZoom', label: label('resetZoom') },
        { role: 'zoomIn', label: label('zoomIn') },
        { role: 'zoomOut', label: label('zoomOut') },
      ],
    },
    { id: 'help', label: label('help'), role: 'help', submenu: [cmd('about')] },
  ];
  if (handlers.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
