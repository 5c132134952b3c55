import type { EditorThemeClasses } from 'lexical';

/** Class names only; the look (gutter labels per kind, marker rules) lives in editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'case-editor__block',
  pageMarker: 'page-marker',
  text: { base: 'case-editor__text' },
};
