import { memo } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { BlockSuspect } from '../../editor/plugins/SuspectsPlugin.tsx';
import { REPLACE_TEXT_RANGE_COMMAND, SELECT_TEXT_RANGE_COMMAND } from '../../editor/commands.ts';
import { $replaceMatches } from '../../editor/textEdits.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { goodWordOf } from '../wordList/suspectWord.ts';

function visible(s: string): string {
  return s
    .replace(/ /g, '␣')
    .replace(/\u3000/g, '□')
    .replace(/\t/g, '⇥');
}

/**
 * All suspects of the case; a click selects one in the text, a button applies an unambiguous fix,
 * another adds the flagged text to the word list as a good word (never flagged again).
 * Shown only when there are some (the workspace hides the panel otherwise).
 */
export const SuspectList = memo(function SuspectList({
  suspects,
  onAddGood,
}: {
  suspects: readonly BlockSuspect[];
  onAddGood?: ((word: string) => void) | undefined;
}) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const fixable = suspects.filter((s) => s.fix !== undefined);
  const select = (s: BlockSuspect) => {
    editor.dispatchCommand(SELECT_TEXT_RANGE_COMMAND, { block: s.block, start: s.start, end: s.end });
    editor.focus();
  };
  const fix = (s: BlockSuspect) => {
    editor.dispatchCommand(REPLACE_TEXT_RANGE_COMMAND, {
      block: s.block,
      start: s.start,
      end: s.end,
      expected: s.text,
      replacement: s.fix!,
    });
  };
  const fixAll = () =>
    editor.update(() => {
      $replaceMatches(
        fixable.map((s) => ({ block: s.block, start: s.start, end: s.end, expected: s.text, replacement: s.fix! })),
      );
    });
  return (
    <aside className="side-panel suspect-list" data-testid="suspect-list" aria-label={t('proof.suspects.title')}>
      <header className="side-panel__head">
        <h2>{t('proof.suspects.title')}</h2>
        <span className="side-panel__hint">{t('proof.suspects.hint')}</span>
        {fixable.length > 0 && (
          <button type="button" data-testid="suspect-fix-all" onClick={fixAll}>
            {t('proof.suspects.fixAll', { count: fixable.length })}
          </button>
        )}
      </header>
      <ol className="suspect-list__list">
        {suspects.map((s) => (
          <li
            key={`${s.block}:${s.start}:${s.kind}`}
            className="suspect-list__item"
            data-kind={s.kind}
            data-testid="suspect-item"
          >
            <button type="button" className="suspect-list__where" onClick={() => select(s)}>
              <span className="suspect-list__kind">{t(`proof.suspectKinds.${s.kind}`)}</span>
              {s.confidence !== undefined && (
                <span className="suspect-list__confidence" data-testid="suspect-confidence">
                  {t('proof.suspects.confidence', { confidence: s.confidence })}
                </span>
              )}
              <span className="suspect-list__context">
                {s.before}
                <mark>{visible(s.text)}</mark>
                {s.after}
              </span>
            </button>
            {s.fix !== undefined && (
              <button type="button" className="suspect-list__fix" data-testid="suspect-fix" onClick={() => fix(s)}>
                {s.fix === '' ? t('proof.suspects.remove') : t('proof.suspects.fix', { fix: s.fix })}
              </button>
            )}
            {onAddGood && <GoodWordButton suspect={s} onAddGood={onAddGood} />}
          </li>
        ))}
      </ol>
    </aside>
  );
});

function GoodWordButton({ suspect, onAddGood }: { suspect: BlockSuspect; onAddGood: (word: string) => void }) {
  const { t } = useI18n();
  const word = goodWordOf(suspect);
  if (word === null) return null;
  return (
    <button
      type="button"
      className="suspect-list__fix"
      data-testid="suspect-add-good"
      title={t('wordList.addGoodTitle', { word })}
      onClick={() => onAddGood(word)}
    >
      {t('wordList.addGood')}
    </button>
  );
}
