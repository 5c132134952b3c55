import type { LexicalEditor } from 'lexical';

/** Turns a page index into its short label (`第 002 页`); a marker shows it as `— 第 002 页 —`. */
export type PageLabeler = (page: number) => string;

export const defaultLabeler: PageLabeler = (page) => String(page + 1);

/** The text inside a page marker. */
export function markerText(label: string): string {
  return `— ${label} —`;
}

/** Class of the label span inside a page marker's DOM. */
export const MARKER_LABEL_CLASS = 'page-marker__label';

/**
 * Page markers draw their label in plain DOM (no React portal per marker: with hundreds of them a
 * portal each made opening a long case slow). The labeler they use is registered per editor.
 */
const labelers = new WeakMap<LexicalEditor, PageLabeler>();

export function editorPageLabeler(editor: LexicalEditor): PageLabeler {
  return labelers.get(editor) ?? defaultLabeler;
}

/** Sets the editor's labeler and rewrites the labels of the markers already on screen. */
export function setEditorPageLabeler(editor: LexicalEditor, labeler: PageLabeler): void {
  if (labelers.get(editor) === labeler) return;
  labelers.set(editor, labeler);
  const root = editor.getRootElement();
  if (!root) return;
  for (const label of root.querySelectorAll<HTMLElement>(`[data-page] > .${MARKER_LABEL_CLASS}`)) {
    const text = markerText(labeler(Number(label.parentElement!.dataset.page)));
    if (label.textContent !== text) label.textContent = text;
  }
}
