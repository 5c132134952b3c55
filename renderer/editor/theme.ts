import type { EditorThemeClasses } from 'lexical';

/** Class names only; the look (gutter labels per kind, marker rules) lives in editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'cb-block',
  pageMarker: 'cb-page-marker',
  text: { base: 'cb-text' },
};
