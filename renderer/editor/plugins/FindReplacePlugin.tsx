import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR } from 'lexical';
import { compileQuery, findMatches, replacementFor, type TextMatch } from '../../../shared/proof/find.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { OPEN_FIND_COMMAND, SELECT_TEXT_RANGE_COMMAND } from '../commands.ts';
import { $blockTexts, $caretInBlock } from '../blocks.ts';
import { clearHighlight, paintHighlight } from '../highlights.ts';
import { stepIndex } from '../navigate.ts';
import { $replaceIfUnchanged, $replaceMatches } from '../textEdits.ts';

const ALL = 'find-match';
const CURRENT = 'find-match-current';

/** Find (Ctrl+F) and replace (Ctrl+H) within the case, literal or regex; renders the find bar. */
export function FindReplacePlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [withReplace, setWithReplace] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [texts, setTexts] = useState<string[]>([]);
  const [current, setCurrent] = useState(-1);
  const [notice, setNotice] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const compiled = useMemo(() => compileQuery(query, { regex, caseSensitive }), [query, regex, caseSensitive]);
  const matches = useMemo<TextMatch[]>(() => (compiled.ok ? findMatches(texts, compiled.re) : []), [compiled, texts]);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_FIND_COMMAND,
        ({ replace }) => {
          setOpen(true);
          setWithReplace(replace);
          // Seed the query with the selected text, as editors do.
          const selected = window.getSelection()?.toString() ?? '';
          if (selected && !selected.includes('\n') && selected.length < 100) setQuery(selected);
          requestAnimationFrame(() => input.current?.select());
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  // Keep the searched texts in step with the document while the bar is open.
  useEffect(() => {
    if (!open) return;
    const read = () => setTexts(editor.getEditorState().read(() => $blockTexts().map((b) => b.text)));
    read();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (!dirtyElements.size && !dirtyLeaves.size) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(read, 200);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      unregister();
    };
  }, [editor, open]);

  useEffect(() => {
    if (!open) {
      clearHighlight(ALL);
      clearHighlight(CURRENT);
      return;
    }
    paintHighlight(editor, ALL, matches);
    const m = matches[current];
    paintHighlight(editor, CURRENT, m ? [m] : []);
  }, [editor, open, matches, current]);

  useEffect(
    () => () => {
      clearHighlight(ALL);
      clearHighlight(CURRENT);
    },
    [],
  );

  const go = useCallback(
    (direction: 'next' | 'previous') => {
      if (matches.length === 0) return;
      const from = editor.getEditorState().read(() => $caretInBlock());
      const i =
        current >= 0 && matches[current]
          ? direction === 'next'
            ? (current + 1) % matches.length
            : (current - 1 + matches.length) % matches.length
          : stepIndex(matches, from, direction);
      const m = matches[i]!;
      setCurrent(i);
      editor.dispatchCommand(SELECT_TEXT_RANGE_COMMAND, { block: m.block, start: m.start, end: m.end });
    },
    [editor, matches, current],
  );

  const replaceOne = () => {
    const m = matches[current];
    if (!m || !compiled.ok) return go('next');
    const text = texts[m.block]!;
    const rep = replacementFor(text, m, compiled.re, replacement, regex);
    editor.update(() => {
      $replaceIfUnchanged(m.block, m.start, m.end, text.slice(m.start, m.end), rep);
    });
    // The list refreshes from the document; keep the position so "replace" walks forward.
    setCurrent(-1);
  };

  const replaceAll = () => {
    if (!compiled.ok || matches.length === 0) return;
    const edits = matches.map((m) => {
      const text = texts[m.block]!;
      return {
        ...m,
        expected: text.slice(m.start, m.end),
        replacement: replacementFor(text, m, compiled.re, replacement, regex),
      };
    });
    let done = 0;
    editor.update(
      () => {
        done = $replaceMatches(edits);
      },
      { onUpdate: () => setNotice(t('proof.find.replaced', { count: done })) },
    );
    setCurrent(-1);
  };

  const close = () => {
    setOpen(false);
    setNotice('');
    editor.focus();
  };

  if (!open) return null;
  const status =
    query === ''
      ? ''
      : !compiled.ok
        ? t('proof.find.invalid')
        : matches.length === 0
          ? t('proof.find.none')
          : t('proof.find.count', { current: current >= 0 ? current + 1 : '–', total: matches.length });
  return (
    <div className="find-bar" data-testid="find-bar" role="search" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="find-bar__row">
        <input
          ref={input}
          data-testid="find-input"
          className="find-bar__input"
          placeholder={t('proof.find.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(-1);
            setNotice('');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              go(e.shiftKey ? 'previous' : 'next');
            }
          }}
        />
        <span className="find-bar__status" data-testid="find-status">
          {status}
        </span>
        <label className="find-bar__toggle">
          <input type="checkbox" data-testid="find-regex" checked={regex} onChange={(e) => setRegex(e.target.checked)} />
          {t('proof.find.regex')}
        </label>
        <label className="find-bar__toggle">
          <input
            type="checkbox"
            data-testid="find-case"
            checked={caseSensitive}
            onChange={(e) => setCaseSensitive(e.target.checked)}
          />
          {t('proof.find.caseSensitive')}
        </label>
        <button type="button" data-testid="find-previous" title={t('proof.find.previous')} onClick={() => go('previous')}>
          ↑
        </button>
        <button type="button" data-testid="find-next" title={t('proof.find.next')} onClick={() => go('next')}>
          ↓
        </button>
        <button type="button" data-testid="find-close" title={t('proof.find.close')} onClick={close}>
          ×
        </button>
      </div>
      {withReplace && (
        <div className="find-bar__row">
          <input
            data-testid="replace-input"
            className="find-bar__input"
            placeholder={t('proof.find.replacePlaceholder')}
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                replaceOne();
              }
            }}
          />
          <button type="button" data-testid="replace-one" onClick={replaceOne} disabled={matches.length === 0}>
            {t('proof.find.replace')}
          </button>
          <button type="button" data-testid="replace-all" onClick={replaceAll} disabled={matches.length === 0}>
            {t('proof.find.replaceAll')}
          </button>
          {notice && (
            <span className="find-bar__notice" data-testid="replace-notice">
              {notice}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
