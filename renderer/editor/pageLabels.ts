import { createContext } from 'react';
import { defaultLabeler, type PageLabeler } from '../../shared/editor/pageMarkerLabels.ts';

export { setEditorPageLabeler, type PageLabeler } from '../../shared/editor/pageMarkerLabels.ts';

/** Printed page numbers are shown with three digits, as the book's running footers print them. */
export function padPrinted(label: string): string {
  return /^\d{1,2}$/.test(label) ? label.padStart(3, '0') : label;
}

export interface PageLabelFormats {
  /** The label of a page whose printed number is known (given padded: `002`). */
  printed: (label: string) => string;
  /** The label of an unnumbered page, from its 1-based position in the volume. */
  unnumbered: (n: number) => string;
}

/** A labeler for a volume's pages, from their printed numbers; the wording comes from the caller (translated). */
export function makePageLabeler(printedLabels: ReadonlyMap<number, string | null>, formats: PageLabelFormats): PageLabeler {
  return (page) => {
    const printed = printedLabels.get(page);
    return printed ? formats.printed(padPrinted(printed)) : formats.unnumbered(page + 1);
  };
}

export const PageLabelContext = createContext<PageLabeler>(defaultLabeler);
