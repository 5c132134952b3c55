import { BLOCK_KINDS, type BlockKind } from '../../shared/model/blockKind.ts';
import { PAGE_STATUSES, type PageStatus } from '../../shared/model/stage.ts';

/** The subset of KeyboardEvent the key map reads (so it can be tested without a DOM). */
export interface KeyLike {
  code: string;
  key: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

function digit(e: KeyLike): number | null {
  // `code`, not `key`: Alt+digit types other characters on some layouts (macOS).
  const m = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
  return m ? Number(m[1]) : null;
}

/** Alt+1…9 set the first nine kinds in BLOCK_KINDS order; Alt+0 sets the tenth (`other`). */
export function kindForKey(e: KeyLike): BlockKind | null {
  if (!e.altKey || e.shiftKey || e.ctrlKey || e.metaKey) return null;
  const d = digit(e);
  if (d === null) return null;
  return BLOCK_KINDS[d === 0 ? 9 : d - 1] ?? null;
}

export function kindShortcut(kind: BlockKind): string {
  const i = BLOCK_KINDS.indexOf(kind);
  return `Alt+${i === 9 ? 0 : i + 1}`;
}

/** Alt+Shift+1…5 set the shown page's status, in PAGE_STATUSES order. */
export function statusForKey(e: KeyLike): PageStatus | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  const d = digit(e);
  if (d === null || d < 1) return null;
  return PAGE_STATUSES[d - 1] ?? null;
}

export function statusShortcut(status: PageStatus): string {
  return `Alt+Shift+${PAGE_STATUSES.indexOf(status) + 1}`;
}

export type ViewAction = 'save' | 'find' | 'replace' | 'next-suspect' | 'previous-suspect' | 'previous-page' | 'next-page';

/** Shortcuts handled anywhere in the proofreading view. */
export function viewActionForKey(e: KeyLike): ViewAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (mod && !e.altKey && !e.shiftKey) {
    if (k === 's') return 'save';
    if (k === 'f') return 'find';
    if (k === 'h') return 'replace';
  }
  if (!mod && !e.altKey && e.key === 'F8') return e.shiftKey ? 'previous-suspect' : 'next-suspect';
  if (e.altKey && !mod && !e.shiftKey && e.key === 'PageUp') return 'previous-page';
  if (e.altKey && !mod && !e.shiftKey && e.key === 'PageDown') return 'next-page';
  return null;
}
