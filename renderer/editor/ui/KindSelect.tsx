import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { BLOCK_KINDS, type BlockKind } from '../../../shared/model/blockKind.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { kindShortcut } from '../keymap.ts';
import { SET_BLOCK_KIND_COMMAND } from '../commands.ts';

/** Toolbar menu for the caret block's kind. */
export function KindSelect({ value }: { value: BlockKind | null }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  // A read-only (locked) case keeps its kinds.
  const editable = useLexicalEditable();
  return (
    <select
      className="kind-select"
      data-testid="kind-select"
      aria-label={t('proof.toolbar.kind')}
      title={t('proof.toolbar.kind')}
      value={value ?? ''}
      disabled={!editable}
      data-kind={value ?? undefined}
      onChange={(e) => {
        editor.dispatchCommand(SET_BLOCK_KIND_COMMAND, e.target.value as BlockKind);
        editor.focus();
      }}
    >
      {value === null && <option value="">—</option>}
      {BLOCK_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`blockKinds.${k}`)} ({kindShortcut(k)})
        </option>
      ))}
    </select>
  );
}
