import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLOCK_KINDS, type BlockKind } from '../../../shared/model/blockKind.ts';
import { kindShortcut } from '../../features/proofread/keymap.ts';
import { useProofT } from '../../features/proofread/strings.ts';
import { SET_BLOCK_KIND_COMMAND } from '../commands.ts';

/** Toolbar menu for the caret block's kind. */
export function KindSelect({ value }: { value: BlockKind | null }) {
  const [editor] = useLexicalComposerContext();
  const t = useProofT();
  return (
    <select
      className="cb-kind-select"
      data-testid="kind-select"
      aria-label={t('proof.toolbar.kind')}
      title={t('proof.toolbar.kind')}
      value={value ?? ''}
      data-kind={value ?? undefined}
      onChange={(e) => {
        editor.dispatchCommand(SET_BLOCK_KIND_COMMAND, e.target.value as BlockKind);
        editor.focus();
      }}
    >
      {value === null && <option value="">—</option>}
      {BLOCK_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`kind.${k}`)} ({kindShortcut(k)})
        </option>
      ))}
    </select>
  );
}
