import { useSyncExternalStore } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { BlockKind } from '../../../shared/model/blockKind.ts';
import type { CharCounts } from '../../../shared/proof/counts.ts';
import type { SaveState } from '../../editor/autosave.ts';
import { OPEN_FIND_COMMAND, SAVE_NOW_COMMAND } from '../../editor/commands.ts';
import { KindSelect } from '../../editor/ui/KindSelect.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import type { Layout } from './useLayoutPrefs.ts';
import type { ValueStore } from './valueStore.ts';

/** The toolbar's character count; it alone re-renders as the count changes while typing. */
function CharCountLabel({ counts }: { counts: ValueStore<CharCounts> }) {
  const { t } = useI18n();
  const { chars } = useSyncExternalStore(counts.subscribe, counts.get);
  return (
    <span className="proof-toolbar__count" data-testid="char-count">
      {t('proof.toolbar.chars', { chars })}
    </span>
  );
}

export interface ProofToolbarProps {
  /** Kind of the caret's block (null: several or none). */
  kind: BlockKind | null;
  counts: ValueStore<CharCounts>;
  saveState: SaveState;
  suspectCount: number;
  showSuspects: boolean;
  onToggleSuspects: () => void;
  showHistory: boolean;
  onToggleHistory: () => void;
  /** Open notes of the case (shown on the notes panel's toggle). */
  openNotes: number;
  showNotes: boolean;
  onToggleNotes: () => void;
  /** Opens the library's word list (with the selection as a new bad word). */
  onOpenWordList: () => void;
  /** Text beside or above the scan; null when there is no scan to place. */
  layout: Layout | null;
  onToggleLayout: () => void;
}

/** Block kind, undo/redo, find, the side panels, the word list, the layout, the character count and the save state. */
export function ProofToolbar(props: ProofToolbarProps) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const { layout } = props;
  return (
    <div className="proof-toolbar" role="toolbar">
      <KindSelect value={props.kind} />
      <UndoRedo />
      <button
        type="button"
        data-testid="find-open"
        title={t('proof.toolbar.find')}
        onClick={() => editor.dispatchCommand(OPEN_FIND_COMMAND, { replace: true })}
      >
        {t('proof.toolbar.findButton')}
      </button>
      <button type="button" data-testid="suspects-toggle" aria-pressed={props.showSuspects} onClick={props.onToggleSuspects}>
        {t('proof.toolbar.suspects', { count: props.suspectCount })}
      </button>
      <button type="button" data-testid="history-toggle" aria-pressed={props.showHistory} onClick={props.onToggleHistory}>
        {t('proof.toolbar.history')}
      </button>
      <button
        type="button"
        data-testid="notes-toggle"
        title={t('notes.toggleTitle')}
        aria-pressed={props.showNotes}
        onClick={props.onToggleNotes}
      >
        {t('notes.toggle', { count: props.openNotes })}
      </button>
      <button type="button" data-testid="word-list-open" title={t('wordList.openTitle')} onClick={props.onOpenWordList}>
        {t('wordList.open')}
      </button>
      {layout && (
        <button
          type="button"
          data-testid="layout-toggle"
          title={layout === 'side' ? t('proof.toolbar.layoutStacked') : t('proof.toolbar.layoutSide')}
          onClick={props.onToggleLayout}
        >
          {layout === 'side' ? '⬒' : '◫'}
        </button>
      )}
      <span className="proof-toolbar__spacer" />
      <CharCountLabel counts={props.counts} />
      <SaveIndicator state={props.saveState} onSaveNow={() => editor.dispatchCommand(SAVE_NOW_COMMAND, undefined)} />
    </div>
  );
}
